using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation;
using Scoring.Engine.Model;
using Scoring.Engine.Ranking;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using Scoring.Rules.Model;

namespace Scoring.Engine.Awards;

/// <summary>
/// Proposes awards. Awards are taken in descending precedence; each unit gets at most one (the highest it
/// qualifies for and is not cut from by a quota); dissolved units are never proposed.
/// </summary>
/// <remarks>
/// <para>A unit "meets the standard" of an award when grade, minimum total, best rank, eligibility expression and
/// prerequisites all hold (quotas aside). It "qualifies" when it also is not dissolved. QualifiesFor prerequisites and
/// the share base "an award id" use qualification, computed independently of allocation.</para>
/// <para>History: GradeInPreviousYears needs, for each of the previous N years, at least one record of the unit and every
/// record of that year with one of the grades (merged predecessors mapped onto the unit must all qualify);
/// AwardInPreviousYears needs the award in at least one record of the previous N years. An award whose
/// <c>withoutHistory</c> is exempt skips the years without any record (a unit that did not exist yet), and its
/// AwardInPreviousYears holds when the unit has no record in those years at all.</para>
/// <para>Quotas: per group (PerGroup, and MaxShare of the group's ranked units when ShareOf is "group" or absent), then across the
/// request (PerTenant, and MaxShare of the units qualifying for the award named by ShareOf); shares are floored.
/// Within a group candidates are taken in ranking order; across groups by rank, then total and tie-breakers, then code.</para>
/// <para>Tie at the cut: when the last admitted candidate ties with the first excluded one, no one is silently
/// dropped: every candidate in that tie is proposed with <see cref="AwardProposal.TieAtCut"/> = true (so the list may
/// exceed the quota) and the reason asks the council (Hội đồng) to vote.</para>
/// </remarks>
internal sealed class AwardAllocator
{
    private readonly CompiledRuleSet compiled;
    private readonly ScoringRequest request;
    private readonly RankKeyComparer comparer;
    private readonly Dictionary<string, CompiledAward> awardsById;
    private readonly ILookup<string, HistoryRecord> history;
    private readonly Dictionary<RankedEntry, Dictionary<string, bool>> standardCache = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RankedEntry, int> awardRanks = new(ReferenceEqualityComparer.Instance);

    private AwardAllocator(CompiledRuleSet compiled, ScoringRequest request, RankKeyComparer comparer)
    {
        this.compiled = compiled;
        this.request = request;
        this.comparer = comparer;
        awardsById = compiled.Awards.GroupBy(a => a.Award.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        history = request.History.ToLookup(h => h.UnitCode, StringComparer.Ordinal);
    }

    public static ImmutableArray<AwardProposal> Allocate(
        CompiledRuleSet compiled, ScoringRequest request, GroupRecord[] groups, ImmutableArray<RankedEntry>[] ranked, RankKeyComparer comparer) =>
        compiled.Awards.Length == 0 ? [] : new AwardAllocator(compiled, request, comparer).Run(groups, ranked);

    private ImmutableArray<AwardProposal> Run(GroupRecord[] groups, ImmutableArray<RankedEntry>[] ranked)
    {
        RankWithoutDissolved(ranked);
        var awarded = new HashSet<string>(StringComparer.Ordinal);
        var proposals = new List<(int Order, AwardProposal Proposal)>();
        var awards = compiled.Awards
            .Select((a, i) => (a, i))
            .OrderByDescending(x => x.a.Award.Precedence)
            .ThenBy(x => x.a.Award.Id, StringComparer.Ordinal)
            .Select(x => x.a)
            .ToList();
        for (var order = 0; order < awards.Count; order++)
        {
            var award = awards[order];
            var rule = award.Award;
            if (!rule.Years.IsDefaultOrEmpty && !rule.Years.Contains(request.Year))
            {
                continue;
            }

            // Per-group cut, in ranking order.
            var admitted = new List<(RankedEntry Entry, GroupRecord Group, bool Tie)>();
            for (var g = 0; g < groups.Length; g++)
            {
                var candidates = ranked[g].Where(e => !awarded.Contains(e.Unit.Code) && Qualifies(e, award, [])).ToList();
                var limit = QuotaLimits.Group(rule.Quota, ranked[g].Length);
                var (taken, tie) = Cut(candidates, limit, (a, b) => a.Score.Rank == b.Score.Rank);
                admitted.AddRange(taken.Select((e, i) => (e, groups[g], tie[i])));
            }

            // Across the request: one proposal per unit, then the tenant-level cut.
            var ordered = admitted
                .OrderBy(a => a.Entry.Score.Rank)
                .ThenBy(a => a.Entry.Key, comparer)
                .ThenBy(a => a.Entry.Unit.Code, StringComparer.Ordinal)
                .ThenBy(a => a.Group.Code, StringComparer.Ordinal)
                .DistinctBy(a => a.Entry.Unit.Code, StringComparer.Ordinal)
                .ToList();
            var tenantLimit = TenantLimit(rule.Quota, ranked);
            var (final, tenantTie) = Cut(ordered, tenantLimit,
                (a, b) => a.Entry.Score.Rank == b.Entry.Score.Rank && comparer.Compare(a.Entry.Key, b.Entry.Key) == 0);
            for (var i = 0; i < final.Count; i++)
            {
                var (entry, group, groupTie) = final[i];
                var tie = groupTie || tenantTie[i];
                awarded.Add(entry.Unit.Code);
                proposals.Add((order, new AwardProposal(
                    rule.Id, rule.Title, entry.Unit.Code, entry.Unit.Name, group.Code, entry.Score.Rank, entry.Score.Total, tie,
                    Reason(entry, group, rule, tie), rule.Authority)));
            }
        }
        return [.. proposals
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Proposal.Group, StringComparer.Ordinal)
            .ThenBy(p => p.Proposal.Rank)
            .ThenBy(p => p.Proposal.UnitCode, StringComparer.Ordinal)
            .Select(p => p.Proposal)];
    }

    /// <summary>
    /// The place each unit holds for an award's maxRank: its rank among the group's units that are not dissolved (a
    /// dissolved unit is scored and shown with its rank, but never takes a place an award counts; ties keep sharing).
    /// </summary>
    private void RankWithoutDissolved(ImmutableArray<RankedEntry>[] ranked)
    {
        foreach (var group in ranked)
        {
            var counted = 0;
            var place = 0;
            int? previousRank = null;
            foreach (var entry in group.Where(e => !e.Unit.Dissolved))
            {
                counted++;
                if (entry.Score.Rank != previousRank)
                {
                    place = counted;
                    previousRank = entry.Score.Rank;
                }
                awardRanks[entry] = place;
            }
        }
    }

    /// <summary>Takes the first <paramref name="limit"/> items; a tie across the cut takes the whole tie and flags it.</summary>
    internal static (List<T> Taken, List<bool> Tie) Cut<T>(List<T> ordered, int? limit, Func<T, T, bool> tied)
    {
        if (limit is not { } n || ordered.Count <= n)
        {
            return (ordered, ordered.Select(_ => false).ToList());
        }
        if (n <= 0)
        {
            return ([], []);
        }
        var last = ordered[n - 1];
        if (!tied(last, ordered[n]))
        {
            var head = ordered.Take(n).ToList();
            return (head, head.Select(_ => false).ToList());
        }
        var taken = new List<T>();
        var flags = new List<bool>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var inTie = tied(ordered[i], last);
            if (i < n || inTie)
            {
                taken.Add(ordered[i]);
                flags.Add(inTie);
            }
        }
        return (taken, flags);
    }

    private int? TenantLimit(AwardQuota quota, ImmutableArray<RankedEntry>[] ranked) =>
        QuotaLimits.Tenant(quota, of => awardsById.TryGetValue(of, out var baseAward)
            ? ranked.SelectMany(r => r).Where(e => Qualifies(e, baseAward, [])).Select(e => e.Unit.Code).Distinct(StringComparer.Ordinal).Count()
            : 0);

    /// <summary>Meets the award's standard and is not dissolved.</summary>
    private bool Qualifies(RankedEntry entry, CompiledAward award, ImmutableHashSet<string> visiting) =>
        !entry.Unit.Dissolved && MeetsStandard(entry, award, visiting);

    private bool MeetsStandard(RankedEntry entry, CompiledAward award, ImmutableHashSet<string> visiting)
    {
        if (!standardCache.TryGetValue(entry, out var byAward))
        {
            standardCache[entry] = byAward = new Dictionary<string, bool>(StringComparer.Ordinal);
        }
        if (byAward.TryGetValue(award.Award.Id, out var cached))
        {
            return cached;
        }
        var result = Evaluate(entry, award, visiting.Add(award.Award.Id));
        byAward[award.Award.Id] = result;
        return result;
    }

    private bool Evaluate(RankedEntry entry, CompiledAward award, ImmutableHashSet<string> visiting)
    {
        var rule = award.Award;
        var score = entry.Score;
        if (!rule.Grades.IsDefaultOrEmpty && !rule.Grades.Contains(score.Grade))
        {
            return false;
        }
        if (rule.MinTotal is { } min && score.Total < min)
        {
            return false;
        }
        if (rule.MaxRank is { } maxRank && awardRanks.GetValueOrDefault(entry, score.Rank) > maxRank)
        {
            return false;
        }
        if (award.Eligibility is { } eligibility)
        {
            if (eligibility.FirstMissing(entry.Row) >= 0)
            {
                return false;
            }
            try
            {
                if (!eligibility.EvaluateBoolean(entry.Row))
                {
                    return false;
                }
            }
            catch (Exception ex) when (Explainer.IsEvaluationFailure(ex))
            {
                return false;
            }
        }
        return rule.Prerequisites.IsDefaultOrEmpty || rule.Prerequisites.All(p => Holds(entry, p, visiting, rule.WithoutHistory == HistoryPolicy.Exempt));
    }

    /// <param name="exempt">The award's <c>withoutHistory</c> is exempt: a year without any record of the unit (or of a
    /// unit merged into it) is skipped instead of failing the prerequisite.</param>
    private bool Holds(RankedEntry entry, AwardPrerequisite prerequisite, ImmutableHashSet<string> visiting, bool exempt)
    {
        var records = history[entry.Unit.Code];
        switch (prerequisite.Kind)
        {
            case PrerequisiteKind.QualifiesFor:
                return prerequisite.Award is { } id && !visiting.Contains(id) && awardsById.TryGetValue(id, out var other)
                    && Qualifies(entry, other, visiting);
            case PrerequisiteKind.GradeInPreviousYears:
                for (var year = request.Year - prerequisite.Years; year < request.Year; year++)
                {
                    var ofYear = records.Where(r => r.Year == year).ToList();
                    if (ofYear.Count == 0 && exempt)
                    {
                        continue; // no result that year (the unit did not exist): judged on the years it has
                    }
                    if (ofYear.Count == 0 || !ofYear.All(r => r.Grade is { } g && prerequisite.Grades.Contains(g)))
                    {
                        return false;
                    }
                }
                return true;
            case PrerequisiteKind.AwardInPreviousYears:
                var window = records.Where(r => r.Year >= request.Year - prerequisite.Years && r.Year < request.Year).ToList();
                return (exempt && window.Count == 0) || window.Any(r => r.Award is { } a && a == prerequisite.Award);
            default:
                return false;
        }
    }

    private string Reason(RankedEntry entry, GroupRecord group, AwardRule rule, bool tie)
    {
        var score = entry.Score;
        var place = score.Rank == 1 && !score.Tied
            ? $"Dẫn đầu {GroupName(group)}"
            : $"Xếp hạng {score.Rank}/{entry.GroupSize}{(score.Tied ? " (đồng hạng)" : "")} trong {GroupName(group)}";
        var text = $"{place} với {Vn.Number(score.Total)} điểm, xếp loại {score.GradeTitle}";
        foreach (var prerequisite in rule.Prerequisites.IsDefault ? [] : rule.Prerequisites)
        {
            text += prerequisite.Kind switch
            {
                PrerequisiteKind.GradeInPreviousYears => "; " + string.Join(", ", Enumerable.Range(request.Year - prerequisite.Years, prerequisite.Years)
                    .Select(y => GradeTitles(entry.Unit.Code, y) is { Length: > 0 } titles
                        ? $"năm {y} xếp loại {titles}"
                        : $"năm {y} chưa có kết quả (đơn vị chưa thành lập), không xét năm này")),
                PrerequisiteKind.AwardInPreviousYears => HasRecords(entry.Unit.Code, prerequisite.Years)
                    ? $"; đã được {AwardTitle(prerequisite.Award)} trong {prerequisite.Years} năm trước"
                    : $"; chưa có kết quả {prerequisite.Years} năm trước (đơn vị chưa thành lập), không xét điều kiện {AwardTitle(prerequisite.Award)}",
                PrerequisiteKind.QualifiesFor => $"; đạt tiêu chuẩn {AwardTitle(prerequisite.Award)}",
                _ => "",
            };
        }
        if (tie)
        {
            text += "; đồng điểm tại ngưỡng chỉ tiêu, cần Hội đồng bỏ phiếu";
        }
        return text;
    }

    private bool HasRecords(string unit, int years) =>
        history[unit].Any(r => r.Year >= request.Year - years && r.Year < request.Year);

    private static string GroupName(GroupRecord group)
    {
        var name = string.IsNullOrWhiteSpace(group.Name) ? group.Code : group.Name;
        var kind = GroupKind.NounOf(group.Kind);
        return name.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? name : $"{kind} {name}";
    }

    private string GradeTitles(string unit, int year) => string.Join(", ", history[unit]
        .Where(r => r.Year == year && r.Grade is not null)
        .Select(r => compiled.RuleSet.Grades.FirstOrDefault(g => g.Id == r.Grade)?.Title ?? r.Grade!)
        .Distinct(StringComparer.Ordinal));

    private string AwardTitle(string? id) => id is not null && awardsById.TryGetValue(id, out var award) ? award.Award.Title : id ?? "";
}
