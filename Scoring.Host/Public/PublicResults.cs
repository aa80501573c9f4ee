using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Host.Public;

/// <summary>
/// Read-only queries behind the public pages. Only published runs are ever read here; per group and per unit the latest
/// published run wins, as in the published-results API (<see cref="RunsApi.GetPublishedLeaderboard"/>).
/// </summary>
internal sealed class PublicResults(ScoringDbContext db, PublishedRuleSets ruleSets)
{
    private const int MaxMatches = 50;

    public async Task<IReadOnlyList<TenantSummary>> TenantsAsync(CancellationToken ct)
    {
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var movements = await db.Movements.AsNoTracking().ToListAsync(ct);
        var years = await db.ScoringRuns.AsNoTracking().Where(r => r.PublishedAt != null)
            .Select(r => new { r.TenantCode, r.Year }).Distinct().ToListAsync(ct);
        return tenants.Select(t => new TenantSummary(t.Code, t.Name,
            movements.Where(m => m.TenantCode == t.Code).OrderBy(m => m.Code, StringComparer.Ordinal).Select(TenantsApi.ToDto).ToList(),
            years.Where(y => y.TenantCode == t.Code).Select(y => y.Year).OrderByDescending(y => y).ToList())).ToList();
    }

    public async Task<YearResults?> YearAsync(string tenant, int year, CancellationToken ct)
    {
        var owner = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenant, ct);
        if (owner is null)
        {
            return null;
        }

        var runs = await PublishedRunsAsync(tenant, year, ct);
        if (runs.Count == 0)
        {
            return null;
        }

        var runIds = runs.Select(r => r.Id).ToList();
        // Every column but the card: a tenant's cards are megabytes, and the rankings need none of them.
        var results = await db.UnitResults.AsNoTracking().Where(r => runIds.Contains(r.RunId))
            .Select(r => new UnitResult
            {
                Id = r.Id, RunId = r.RunId, GroupCode = r.GroupCode, UnitCode = r.UnitCode, UnitName = r.UnitName, Rank = r.Rank, Total = r.Total,
                Grade = r.Grade, Award = r.Award, CardJson = string.Empty,
            })
            .ToListAsync(ct);

        // Each group comes from the latest published run that scored it.
        var latest = results.GroupBy(r => r.GroupCode).ToDictionary(g => g.Key, g => g.Max(r => r.RunId), StringComparer.Ordinal);
        var groups = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && g.Year == year).ToListAsync(ct);
        var labels = runs.ToDictionary(r => r.Id, r => RuleSetLabels.From(ruleSets.RuleSet(r.RuleSet)));
        var rankings = latest.Select(pair =>
            {
                var group = groups.FirstOrDefault(g => g.Code == pair.Key);
                var rows = results.Where(r => r.RunId == pair.Value && r.GroupCode == pair.Key).ToList();
                return new GroupRanking(pair.Key, group?.Name ?? pair.Key, group?.Kind ?? GroupKind.Cluster.Value, pair.Value, Rank(rows, labels[pair.Value]));
            })
            .OrderBy(g => g.Code, StringComparer.Ordinal).ToList();

        var awards = await db.AwardEntries.AsNoTracking().Where(a => runIds.Contains(a.RunId)).OrderBy(a => a.Id).ToListAsync(ct);
        awards = awards.Where(a => latest.TryGetValue(a.GroupCode, out var run) && run == a.RunId).ToList();
        var used = latest.Values.ToHashSet();
        return new YearResults(owner.Code, owner.Name, year, rankings, awards, runs.Where(r => used.Contains(r.Id)).ToList(),
            await ProposalReviews.OfAsync(db, awards, ct));
    }

    public async Task<UnitCard?> CardAsync(string tenant, int year, string unit, CancellationToken ct)
    {
        var owner = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenant, ct);
        if (owner is null)
        {
            return null;
        }

        var runs = await PublishedRunsAsync(tenant, year, ct);
        var runIds = runs.Select(r => r.Id).ToList();
        var result = await db.UnitResults.AsNoTracking().Where(r => r.UnitCode == unit && runIds.Contains(r.RunId))
            .OrderByDescending(r => r.RunId).FirstOrDefaultAsync(ct);
        if (result is null)
        {
            return null;
        }

        var run = runs.First(r => r.Id == result.RunId);
        var score = RunJson.Deserialize<UnitScore>(result.CardJson);
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == result.GroupCode, ct);
        var size = await db.UnitResults.AsNoTracking().CountAsync(r => r.RunId == result.RunId && r.GroupCode == result.GroupCode, ct);
        var labels = RuleSetLabels.From(ruleSets.RuleSet(run.RuleSet));
        var proposals = await db.AwardEntries.AsNoTracking().Where(a => a.RunId == result.RunId && a.UnitCode == unit).OrderBy(a => a.Id).ToListAsync(ct);
        var reviews = (await ProposalReviews.OfAsync(db, proposals, ct)).Values.OrderBy(r => r.Entry.Id).ToList();
        return new UnitCard(owner.Code, owner.Name, year, group?.Name ?? result.GroupCode, size, score, labels.Award(score.Award), run, labels.Indicators, reviews);
    }

    /// <summary>Units whose code or name contains the text, ignoring case and Vietnamese diacritics ("chieng coi" finds "Chiềng Cơi").</summary>
    public async Task<IReadOnlyList<UnitMatch>> SearchAsync(string text, CancellationToken ct)
    {
        var needle = Fold(text);
        if (needle.Length == 0)
        {
            return [];
        }

        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.TenantCode, u.Code, u.Name }).ToListAsync(ct);
        var matches = units.Where(u => Fold(u.Code).Contains(needle, StringComparison.Ordinal) || Fold(u.Name).Contains(needle, StringComparison.Ordinal))
            .OrderBy(u => u.TenantCode, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal).Take(MaxMatches).ToList();
        var codes = matches.Select(m => m.Code).Distinct().ToList();
        var published = await db.UnitResults.AsNoTracking().Where(r => codes.Contains(r.UnitCode))
            .Join(db.ScoringRuns.AsNoTracking().Where(r => r.PublishedAt != null), r => r.RunId, run => run.Id, (r, run) => new { r.UnitCode, run.TenantCode, run.Year })
            .Distinct().ToListAsync(ct);
        return matches.Select(m => new UnitMatch(m.TenantCode, tenants.GetValueOrDefault(m.TenantCode, m.TenantCode), m.Code, m.Name,
            published.Where(p => p.UnitCode == m.Code && p.TenantCode == m.TenantCode).Select(p => p.Year).OrderByDescending(y => y).ToList())).ToList();
    }

    public async Task<IReadOnlyList<RuleSetVersion>> RuleSetsAsync(CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().ToListAsync(ct);
        return versions.OrderBy(v => v.Tenant, StringComparer.Ordinal).ThenBy(v => v.RuleSetId, StringComparer.Ordinal).ThenBy(v => v.Id).ToList();
    }

    public Task<RuleSetVersion?> RuleSetAsync(string id, string version, CancellationToken ct) =>
        db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.RuleSetId == id && r.Version == version, ct);

    public Task<string?> TenantNameAsync(string tenant, CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Code == tenant).Select(t => t.Name).FirstOrDefaultAsync(ct);

    /// <summary>Lower case without diacritics; đ becomes d.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Trim().ToLower(CultureInfo.InvariantCulture).Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    internal static List<RankingRow> Rank(List<UnitResult> rows, RuleSetLabels labels)
    {
        var shared = rows.GroupBy(r => r.Rank).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return rows.OrderBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select(r => new RankingRow(r.Rank, shared.Contains(r.Rank), r.UnitCode, r.UnitName, r.Total, labels.Grade(r.Grade), labels.Award(r.Award)))
            .ToList();
    }

    private async Task<List<PublishedRun>> PublishedRunsAsync(string tenant, int year, CancellationToken ct)
    {
        var runs = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.Year == year && r.PublishedAt != null && r.Status == RunStatus.Completed)
            .Select(r => new { r.Id, r.PublishedAt, r.ResultSha256, r.InputsSha256, r.RuleSetVersionId }).ToListAsync(ct);
        var versions = await ruleSets.VersionsAsync(db, runs.Select(r => r.RuleSetVersionId), ct);
        var runIds = runs.Select(r => r.Id).ToList();
        var verifications = (await db.RunVerifications.AsNoTracking().Where(v => runIds.Contains(v.RunId)).ToListAsync(ct))
            .GroupBy(v => v.RunId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.VerifiedAt).ThenByDescending(v => v.Id).First());
        return runs.OrderByDescending(r => r.Id)
            .Select(r => new PublishedRun(r.Id, r.PublishedAt!.Value, r.ResultSha256, r.InputsSha256, versions[r.RuleSetVersionId],
                verifications.TryGetValue(r.Id, out var v) ? new LastVerification(v.VerifiedAt, v.Identical, v.StoredFormat, v.OutcomesIdentical) : null))
            .ToList();
    }
}
