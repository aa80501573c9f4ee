using System.Collections.Immutable;
using Scoring.Engine.Awards;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using Scoring.Rules.Model;

namespace Scoring.Engine.Reviews;

/// <summary>
/// Proposes a phase's awards with the yearly machinery's rules (<see cref="AwardAllocator"/>): awards in descending
/// precedence, each unit at most one (the highest), per-group then tenant quotas (<see cref="QuotaLimits"/>), shares of
/// another award's qualifiers, a tie at a cut proposes the whole tie for the council's vote (<see cref="AwardAllocator.Cut"/>),
/// unranked units (dissolved, too few yearly results) never proposed.
/// </summary>
/// <remarks>
/// The standard of a phase award: the phase grade (<c>grades</c>), the graded measure (<c>minTotal</c>), the phase
/// rank in the group (<c>maxRank</c>), the eligibility expression over the measures, rank, groupSize and yearsScored,
/// and the prerequisites: <c>qualifiesFor</c> another phase award, <c>yearsAtGrade</c> (at least N years of the phase
/// at one of the grades), <c>awardInPreviousYears</c> (a yearly award in one of the N years ending with the review year).
/// An award whose <c>withoutHistory</c> is exempt asks <c>yearsAtGrade</c> for at most the years the unit has a result
/// for, and waives <c>awardInPreviousYears</c> for a unit without any result in those years.
/// </remarks>
internal sealed class PhaseAwardAllocator
{
    private readonly Phase phase;
    private readonly Dictionary<string, AwardRule> awardsById;
    private readonly Dictionary<string, PhaseEligibility> eligibility = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Unit, string Award), bool> standardCache = [];
    private readonly ILookup<string, YearOutcome> outcomes;
    private readonly RuleSet ruleSet;

    private PhaseAwardAllocator(RuleSet ruleSet, Phase phase, IEnumerable<YearOutcome> outcomes)
    {
        this.ruleSet = ruleSet;
        this.phase = phase;
        awardsById = phase.Awards.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string[] names = [.. phase.Measures.Select(m => m.Id), "rank", "groupSize", "yearsScored"];
        foreach (var award in phase.Awards.Where(a => a.Eligibility is not null))
        {
            eligibility[award.Id] = new PhaseEligibility(award.Eligibility!, names, award.Path + ".eligibility");
        }
        this.outcomes = outcomes.ToLookup(o => o.UnitCode, StringComparer.Ordinal);
    }

    public static ImmutableArray<AwardProposal> Allocate(
        RuleSet ruleSet, Phase phase, GroupRecord[] groups, ImmutableArray<PhaseEntry>[] ranked, IEnumerable<YearOutcome> outcomes) =>
        new PhaseAwardAllocator(ruleSet, phase, outcomes).Run(groups, ranked);

    private ImmutableArray<AwardProposal> Run(GroupRecord[] groups, ImmutableArray<PhaseEntry>[] ranked)
    {
        var awarded = new HashSet<string>(StringComparer.Ordinal);
        var proposals = new List<(int Order, AwardProposal Proposal)>();
        var awards = phase.Awards.OrderByDescending(a => a.Precedence).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        for (var order = 0; order < awards.Count; order++)
        {
            var rule = awards[order];
            var admitted = new List<(PhaseEntry Entry, bool Tie)>();
            for (var g = 0; g < groups.Length; g++)
            {
                var candidates = ranked[g].Where(e => !awarded.Contains(e.Unit.Code) && Qualifies(e, rule, [])).ToList();
                var limit = QuotaLimits.Group(rule.Quota, ranked[g].Count(e => e.Ranked));
                var (taken, tie) = AwardAllocator.Cut(candidates, limit, (a, b) => a.Result.Rank == b.Result.Rank);
                admitted.AddRange(taken.Select((e, i) => (e, tie[i])));
            }

            var ordered = admitted
                .OrderBy(a => a.Entry.Result.Rank)
                .ThenBy(a => a.Entry.Key, PhaseReviewer.KeyComparer.Instance)
                .ThenBy(a => a.Entry.Unit.Code, StringComparer.Ordinal)
                .ThenBy(a => a.Entry.Group.Code, StringComparer.Ordinal)
                .DistinctBy(a => a.Entry.Unit.Code, StringComparer.Ordinal)
                .ToList();
            var tenantLimit = QuotaLimits.Tenant(rule.Quota, of => awardsById.TryGetValue(of, out var baseAward)
                ? ranked.SelectMany(r => r).Where(e => Qualifies(e, baseAward, [])).Select(e => e.Unit.Code).Distinct(StringComparer.Ordinal).Count()
                : 0);
            var (final, tenantTie) = AwardAllocator.Cut(ordered, tenantLimit,
                (a, b) => a.Entry.Result.Rank == b.Entry.Result.Rank && PhaseReviewer.KeyComparer.Instance.Compare(a.Entry.Key, b.Entry.Key) == 0);
            for (var i = 0; i < final.Count; i++)
            {
                var (entry, groupTie) = final[i];
                var tie = groupTie || tenantTie[i];
                awarded.Add(entry.Unit.Code);
                proposals.Add((order, new AwardProposal(
                    rule.Id, rule.Title, entry.Unit.Code, entry.Unit.Name, entry.Group.Code, entry.Result.Rank ?? 0,
                    entry.GradedValue ?? entry.Key.FirstOrDefault(), tie, Reason(entry, rule, tie), rule.Authority)));
            }
        }
        return [.. proposals
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Proposal.Group, StringComparer.Ordinal)
            .ThenBy(p => p.Proposal.Rank)
            .ThenBy(p => p.Proposal.UnitCode, StringComparer.Ordinal)
            .Select(p => p.Proposal)];
    }

    private bool Qualifies(PhaseEntry entry, AwardRule award, ImmutableHashSet<string> visiting)
    {
        if (!entry.Ranked || entry.Unit.Dissolved)
        {
            return false;
        }
        var key = (entry.Unit.Code + "\u0001" + entry.Group.Code, award.Id);
        if (standardCache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        return standardCache[key] = Evaluate(entry, award, visiting.Add(award.Id));
    }

    private bool Evaluate(PhaseEntry entry, AwardRule award, ImmutableHashSet<string> visiting)
    {
        var result = entry.Result;
        if (!award.Grades.IsDefaultOrEmpty && (result.Grade is null || !award.Grades.Contains(result.Grade)))
        {
            return false;
        }
        if (award.MinTotal is { } min && (entry.GradedValue is not { } graded || graded < min))
        {
            return false;
        }
        if (award.MaxRank is { } maxRank && result.Rank > maxRank)
        {
            return false;
        }
        if (eligibility.TryGetValue(award.Id, out var condition))
        {
            decimal[] arguments = [.. phase.Measures.Select(m => entry.Values.GetValueOrDefault(m.Id)), result.Rank ?? 0, entry.GroupSize, result.YearsScored];
            if (!condition.Holds(arguments))
            {
                return false;
            }
        }
        return award.Prerequisites.IsDefaultOrEmpty || award.Prerequisites.All(p => Holds(entry, p, visiting, award.WithoutHistory == HistoryPolicy.Exempt));
    }

    /// <summary>
    /// The years at grade a <c>yearsAtGrade</c> prerequisite asks of this unit: its <c>years</c>, or, when the award's
    /// <c>withoutHistory</c> is exempt, at most the number of years of the phase the unit has a result for.
    /// </summary>
    private static int RequiredYears(PhaseEntry entry, AwardPrerequisite prerequisite, bool exempt) =>
        exempt ? Math.Min(prerequisite.Years, entry.Result.YearsScored) : prerequisite.Years;

    private bool Holds(PhaseEntry entry, AwardPrerequisite prerequisite, ImmutableHashSet<string> visiting, bool exempt)
    {
        switch (prerequisite.Kind)
        {
            case PrerequisiteKind.QualifiesFor:
                return prerequisite.Award is { } id && !visiting.Contains(id) && awardsById.TryGetValue(id, out var other)
                    && Qualifies(entry, other, visiting);
            case PrerequisiteKind.YearsAtGrade:
                return entry.Result.Years.Count(y => y.Grade is { } g && prerequisite.Grades.Contains(g)) >= RequiredYears(entry, prerequisite, exempt);
            case PrerequisiteKind.AwardInPreviousYears:
                var from = phase.ReviewYear - prerequisite.Years + 1;
                if (exempt && !entry.Result.Years.Any(y => y.Year >= from && y.Total is not null)
                    && !outcomes[entry.Unit.Code].Any(o => o.Year >= from && o.Year <= phase.ReviewYear))
                {
                    return true; // no result in those years at all: not judged on them
                }
                return entry.Result.Years.Any(y => y.Year >= from && y.Award is { } a && a == prerequisite.Award)
                    || outcomes[entry.Unit.Code].Any(o => o.Year >= from && o.Year <= phase.ReviewYear && o.Award == prerequisite.Award);
            default:
                return false;
        }
    }

    private string Reason(PhaseEntry entry, AwardRule rule, bool tie)
    {
        var result = entry.Result;
        var group = entry.Group;
        var name = string.IsNullOrWhiteSpace(group.Name) ? group.Code : group.Name;
        var kind = GroupKind.NounOf(group.Kind);
        var groupName = name.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? name : $"{kind} {name}";
        var place = result.Rank == 1 && !result.Tied
            ? $"Dẫn đầu {groupName} giai đoạn {phase.Years.From}–{phase.Years.To}"
            : $"Xếp hạng {result.Rank}/{entry.GroupSize}{(result.Tied ? " (đồng hạng)" : "")} trong {groupName} giai đoạn {phase.Years.From}–{phase.Years.To}";
        var text = place + ": " + string.Join(", ", result.Measures.Select(m => $"{m.Title} {Vn.Number(m.Value)}"));
        if (result.GradeTitle is { } gradeTitle)
        {
            text += $", xếp loại giai đoạn {gradeTitle}";
        }
        foreach (var prerequisite in rule.Prerequisites.IsDefault ? [] : rule.Prerequisites)
        {
            text += prerequisite.Kind switch
            {
                PrerequisiteKind.QualifiesFor => $"; đạt tiêu chuẩn {AwardTitle(prerequisite.Award)}",
                PrerequisiteKind.YearsAtGrade => $"; {result.Years.Count(y => y.Grade is { } g && prerequisite.Grades.Contains(g))} năm đạt {GradeTitles(prerequisite.Grades)} (cần {RequiredYears(entry, prerequisite, rule.WithoutHistory == HistoryPolicy.Exempt)}"
                    + (RequiredYears(entry, prerequisite, rule.WithoutHistory == HistoryPolicy.Exempt) < prerequisite.Years ? $", đơn vị có kết quả {result.YearsScored} năm của giai đoạn)" : ")"),
                PrerequisiteKind.AwardInPreviousYears => $"; đã được {YearlyAwardTitle(prerequisite.Award)} trong {prerequisite.Years} năm gần nhất",
                _ => "",
            };
        }
        if (tie)
        {
            text += "; đồng điểm tại ngưỡng chỉ tiêu, cần Hội đồng bỏ phiếu";
        }
        return text;
    }

    private string GradeTitles(ImmutableArray<string> grades) =>
        string.Join(" hoặc ", grades.Select(g => ruleSet.Grades.FirstOrDefault(b => b.Id == g)?.Title ?? g));

    private string AwardTitle(string? id) => id is not null && awardsById.TryGetValue(id, out var award) ? award.Title : id ?? "";

    private string YearlyAwardTitle(string? id) => ruleSet.Awards.FirstOrDefault(a => a.Id == id)?.Title ?? id ?? "";
}
