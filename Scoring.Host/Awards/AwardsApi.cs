using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Model;

namespace Scoring.Host.Awards;

/// <summary>
/// Published award proposals grouped by the authority that decides them. A tenant's list holds its own runs'
/// proposals for forms its authorities give, and other tenants' proposals addressed to it (Ia Băng's proposals for
/// the provincial chairman's Bằng khen reach Gia Lai); proposals for a form decided elsewhere leave its list.
/// </summary>
internal static class AwardsApi
{
    public static IEndpointRouteBuilder MapAwardsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tenants/{tenant}/award-proposals/{year:int}", GetProposals).WithTags("Awards").WithName("GetAwardProposalsByAuthority")
            .AllowAnonymous()
            .WithSummary("Published award proposals a tenant's authorities decide in a year, grouped by authority (highest first)")
            .WithDescription("For each group, the latest published run that scored it counts. Proposals of other tenants whose award names this "
                + "tenant as the deciding authority's (a commune proposing a provincial form) are included with `fromTenant`.")
            .Produces<List<AuthorityProposalsDto>>().ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<List<AuthorityProposalsDto>>, ProblemHttpResult>> GetProposals(string tenant, int year, ScoringDbContext db, PublishedRuleSets ruleSets, CancellationToken ct)
    {
        if (await TenantCheck.MissingAsync(db, tenant, ct) is { } missingTenant)
        {
            return missingTenant;
        }

        var runs = await db.ScoringRuns.AsNoTracking().Where(r => r.Year == year && r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var runIds = runs.Select(r => r.Id).ToList();
        var versionIds = runs.Select(r => r.RuleSetVersionId).Distinct().ToList();
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var groupsOfRun = (await db.UnitResults.AsNoTracking().Where(u => runIds.Contains(u.RunId))
            .Select(u => new { u.RunId, u.GroupCode }).Distinct().ToListAsync(ct)).ToLookup(u => u.RunId, u => u.GroupCode);
        var entries = (await db.AwardEntries.AsNoTracking().Where(a => runIds.Contains(a.RunId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.RunId);

        var reviews = await ProposalReviews.OfAsync(db, [.. entries.SelectMany(e => e)], ct);

        // The latest published run of a rule set's group wins, as on the published leaderboards.
        var taken = new HashSet<(string RuleSet, string Group)>();
        var rows = new List<(AwardAuthority? Authority, AuthorityProposalDto Proposal)>();
        foreach (var run in runs)
        {
            var version = versions[run.RuleSetVersionId];
            var fresh = groupsOfRun[run.Id].Where(g => taken.Add((version.RuleSetId, g))).ToHashSet(StringComparer.Ordinal);
            var authorities = AwardAuthorities.Of(ruleSets, version);
            foreach (var entry in entries[run.Id].Where(e => fresh.Contains(e.GroupCode)))
            {
                var authority = authorities.GetValueOrDefault(entry.Award);
                if ((authority?.Tenant ?? run.TenantCode) != tenant)
                {
                    continue;
                }
                var review = reviews[entry.Id];
                rows.Add((authority, new AuthorityProposalDto(run.TenantCode, run.Id, version.RuleSetId, entry.Award, entry.AwardTitle,
                    entry.UnitCode, entry.UnitName, entry.GroupCode, entry.Rank, entry.Total, entry.TieAtCut,
                    review.Status, review.AppraisalDto, review.DecisionDto, review.RevocationDto)));
            }
        }

        var lists = rows
            .OrderBy(r => r.Proposal.FromTenant == tenant ? 0 : 1).ThenBy(r => r.Proposal.FromTenant, StringComparer.Ordinal)
            .ThenBy(r => r.Proposal.RuleSet, StringComparer.Ordinal).ThenBy(r => r.Proposal.Group, StringComparer.Ordinal).ThenBy(r => r.Proposal.Rank)
            .ByAuthority(r => r.Authority)
            .GroupBy(r => r.Authority?.Level)
            .Select(g => new AuthorityProposalsDto(g.First().Authority?.LevelName, AuthorityOrder.Describe(g.First().Authority, tenant), tenant,
                [.. g.Select(r => r.Proposal)]))
            .ToList();
        return TypedResults.Ok(lists);
    }
}
