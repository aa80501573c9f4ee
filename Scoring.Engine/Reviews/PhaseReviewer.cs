using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Engine.Text;
using Scoring.Rules.Model;

namespace Scoring.Engine.Reviews;

/// <summary>
/// Computes a phase review (sơ kết, tổng kết): per unit the phase's measures from its yearly records (following
/// successors, <see cref="PhaseRecordBuilder"/>), the phase grade, the ranking per group and across the tenant, and
/// the phase award proposals (<see cref="PhaseAwardAllocator"/>). Pure: the result depends only on the request, not
/// on the order of its units, groups or outcomes.
/// </summary>
/// <remarks>
/// Ranking: units are ordered by the rankBy measures (highest first, each next measure breaking ties), ties share a
/// rank (1, 2, 2, 4) and are listed by code. A dissolved unit and a unit with fewer yearly results than the phase's
/// <c>minYears</c> are listed after the ranked units without a rank, so they never take a place an award's
/// <c>maxRank</c> counts and never count in a group's size.
/// </remarks>
public static class PhaseReviewer
{
    /// <exception cref="ArgumentException">The rule set does not declare the phase, or a unit or group code appears twice.</exception>
    public static PhaseReviewResult Review(PhaseReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ruleSet = request.RuleSet;
        var phase = ruleSet.Phases.FirstOrDefault(p => p.Id == request.PhaseId)
            ?? throw new ArgumentException(
                $"Bộ tiêu chí {request.Identity.Id}@{request.Identity.Version} không khai báo giai đoạn «{request.PhaseId}»"
                + (ruleSet.Phases.IsEmpty ? "." : $"; các giai đoạn: {string.Join(", ", ruleSet.Phases.Select(p => p.Id))}."), nameof(request));
        var duplicateUnit = request.Units.GroupBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateUnit is not null)
        {
            throw new ArgumentException($"Mã đơn vị {duplicateUnit.Key} xuất hiện hai lần.", nameof(request));
        }
        var duplicateGroup = request.Groups.GroupBy(g => g.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateGroup is not null)
        {
            throw new ArgumentException($"Mã cụm/khối {duplicateGroup.Key} xuất hiện hai lần.", nameof(request));
        }

        var units = request.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var records = new PhaseRecordBuilder(request, phase);
        var notes = new List<string>();
        var groups = request.Groups.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        var ranked = new ImmutableArray<PhaseEntry>[groups.Length];
        var computed = new Dictionary<string, PhaseEntry>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Length; g++)
        {
            var entries = new List<PhaseEntry>();
            foreach (var code in groups[g].Members.Distinct(StringComparer.Ordinal))
            {
                if (!units.TryGetValue(code, out var unit))
                {
                    notes.Add($"Cụm/khối {groups[g].Code}: đơn vị {code} không có trong danh sách đơn vị nên không được sơ kết.");
                    continue;
                }
                entries.Add(computed.TryGetValue(code, out var done)
                    ? done with { Group = groups[g] }
                    : computed[code] = Compute(ruleSet, phase, records, unit, groups[g]));
            }
            ranked[g] = Rank(entries, groups[g].Code);
        }

        var tenant = Rank([.. computed.Values], string.Empty);
        var awards = PhaseAwardAllocator.Allocate(ruleSet, phase, groups, ranked, request.Outcomes);
        var awardOf = awards.GroupBy(a => a.UnitCode, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.First().Award, StringComparer.Ordinal);
        PhaseUnitResult WithAward(PhaseEntry e) => e.Result with { Award = awardOf.GetValueOrDefault(e.Unit.Code) };
        return new PhaseReviewResult(
            request.Identity,
            phase.Id,
            phase.Title,
            phase.Years.From,
            phase.Years.To,
            [.. groups.Select((group, g) => new PhaseGroupResult(group.Code, group.Name, group.Kind, [.. ranked[g].Select(WithAward)]))],
            [.. tenant.Select(WithAward)],
            awards,
            [.. notes.Distinct(StringComparer.Ordinal)]);
    }

    private static PhaseEntry Compute(RuleSet ruleSet, Phase phase, PhaseRecordBuilder records, PhaseUnit unit, GroupRecord group)
    {
        var years = records.Build(unit.Code);
        var scored = years.Where(y => y.Year.Total is not null).ToList();
        var values = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var measures = ImmutableArray.CreateBuilder<PhaseMeasureValue>();
        foreach (var measure in phase.Measures)
        {
            var value = measure.Method switch
            {
                PhaseMeasureMethod.MeanTotal => scored.Count == 0
                    ? 0m
                    : Math.Round(scored.Sum(y => y.Year.Total!.Value) / scored.Count, ruleSet.Precision, MidpointRounding.AwayFromZero),
                PhaseMeasureMethod.YearsAtGrade => scored.Count(y => records.AtOrAbove(y.Year.Grade, measure.Grade!)),
                _ => scored.Sum(y => y.Numbers.GetValueOrDefault(measure.Indicator!)),
            };
            values[measure.Id] = value;
            measures.Add(new PhaseMeasureValue(measure.Id, measure.Title, Vn.Normalize(value)));
        }

        decimal? graded = phase.GradeBy is { } by ? values.GetValueOrDefault(by) : null;
        var band = graded is { } v && scored.Count > 0
            ? ruleSet.Grades.FirstOrDefault(b => b.Condition is null && (b.MinTotal is null || v >= b.MinTotal))
            : null;
        var unitNotes = new List<string>();
        var rankable = true;
        if (unit.Dissolved)
        {
            rankable = false;
            unitNotes.Add("Đơn vị đã giải thể trong năm sơ kết: được tính kết quả nhưng không xếp hạng, không đề nghị khen thưởng.");
        }
        else if (scored.Count < phase.MinYears)
        {
            rankable = false;
            unitNotes.Add($"Có kết quả {scored.Count}/{phase.Years.To - phase.Years.From + 1} năm của giai đoạn, cần ít nhất {phase.MinYears} năm để được xếp hạng giai đoạn.");
        }
        foreach (var (year, _) in years.Where(y => !y.Year.From.IsEmpty))
        {
            unitNotes.Add($"Năm {year.Year}: kết quả lấy từ đơn vị tiền thân {string.Join(", ", year.From)} (bình quân tổng điểm, xếp loại cao nhất).");
        }

        var key = phase.RankBy.Select(id => values.GetValueOrDefault(id)).ToArray();
        var result = new PhaseUnitResult(
            unit.Code, unit.Name, group.Code, rankable ? 0 : null, false, scored.Count, measures.ToImmutable(),
            band?.Id, band?.Title, [.. years.Select(y => y.Year)], null, [.. unitNotes]);
        return new PhaseEntry(result, unit, group, key, values.ToImmutable(), graded, 0);
    }

    /// <summary>Ranked units first (standard competition ranking on the key), then the unranked by code.</summary>
    private static ImmutableArray<PhaseEntry> Rank(List<PhaseEntry> entries, string group)
    {
        var rankable = entries.Where(e => e.Result.Rank is not null)
            .OrderBy(e => e.Key, KeyComparer.Instance)
            .ThenBy(e => e.Unit.Code, StringComparer.Ordinal)
            .ToList();
        var result = ImmutableArray.CreateBuilder<PhaseEntry>(entries.Count);
        for (var i = 0; i < rankable.Count; i++)
        {
            var sameAsPrevious = i > 0 && KeyComparer.Instance.Compare(rankable[i - 1].Key, rankable[i].Key) == 0;
            var sameAsNext = i + 1 < rankable.Count && KeyComparer.Instance.Compare(rankable[i + 1].Key, rankable[i].Key) == 0;
            var rank = sameAsPrevious ? result[i - 1].Result.Rank : i + 1;
            var e = rankable[i];
            result.Add(e with { Result = e.Result with { Rank = rank, Tied = sameAsPrevious || sameAsNext, Group = group }, GroupSize = rankable.Count });
        }
        foreach (var e in entries.Where(e => e.Result.Rank is null).OrderBy(e => e.Unit.Code, StringComparer.Ordinal))
        {
            result.Add(e with { Result = e.Result with { Group = group }, GroupSize = rankable.Count });
        }
        return result.MoveToImmutable();
    }

    /// <summary>Higher values first, measure by measure.</summary>
    internal sealed class KeyComparer : IComparer<decimal[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(decimal[]? x, decimal[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = y[i].CompareTo(x[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return 0;
        }
    }
}
