using System.Collections.Immutable;
using Scoring.Engine.Awards;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Ranking;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// One scoring pass: per-unit pass, group pass (in parallel across groups), totals and grades, ranking, awards.
/// Output order never depends on input order or thread scheduling.
/// </summary>
internal static class RequestScorer
{
    public static ScoringResult Score(ScoringRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = request.RuleSet.EnsureCompiled();
        var rules = compiled.RuleSet;
        if (!rules.Years.Contains(request.Year))
        {
            throw new ArgumentException(
                $"Bộ tiêu chí {compiled.Identity.Id}@{compiled.Identity.Version} áp dụng cho các năm {rules.Years.From}–{rules.Years.To}, không áp dụng cho năm {request.Year}.",
                nameof(request));
        }
        var notes = new List<string>();
        var units = new Dictionary<string, UnitRecord>(StringComparer.Ordinal);
        foreach (var unit in request.Units)
        {
            if (!units.TryAdd(unit.Code, unit))
            {
                throw new ArgumentException($"Mã đơn vị «{unit.Code}» xuất hiện hai lần trong yêu cầu chấm điểm.", nameof(request));
            }
        }
        var duplicateGroup = request.Groups.GroupBy(g => g.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateGroup is not null)
        {
            throw new ArgumentException($"Mã cụm/khối «{duplicateGroup.Key}» xuất hiện hai lần trong yêu cầu chấm điểm.", nameof(request));
        }

        var kinds = rules.UnitKinds.ToHashSet(StringComparer.Ordinal);
        var scored = new List<UnitRecord>(units.Count);
        foreach (var unit in units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            if (kinds.Count > 0 && !kinds.Contains(unit.Kind))
            {
                notes.Add($"Đơn vị {unit.Code} ({unit.Name}) thuộc loại «{unit.Kind}», không thuộc đối tượng của bộ tiêu chí này; không chấm điểm.");
                continue;
            }
            scored.Add(unit);
        }
        // Rows per unit, then scores criterion by criterion (see UnitMethods.EvaluateAll). Sequential on purpose: with
        // criteria on two threads both write into every unit's score array (false sharing), and on the 2-core build
        // machine the parallel loops were 20% slower in wall time for the same processor time.
        var factories = compiled.Factories;
        var unitPasses = new UnitPass[scored.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            unitPasses[i] = UnitPass.Prepare(compiled, scored[i]);
        }
        foreach (var factory in factories)
        {
            if (!factory.Compiled.NeedsGroup)
            {
                UnitMethods.EvaluateAll(factory, unitPasses, request.Year);
            }
        }
        var passes = new Dictionary<string, UnitPass>(scored.Count, StringComparer.Ordinal);
        foreach (var pass in unitPasses)
        {
            passes[pass.Unit.Code] = pass;
        }

        var groups = request.Groups.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        var groupMembers = new List<UnitPass>[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            var members = new List<UnitPass>();
            foreach (var code in groups[g].Members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (passes.TryGetValue(code, out var pass))
                {
                    members.Add(pass);
                    grouped.Add(code);
                }
                else if (!units.ContainsKey(code))
                {
                    notes.Add($"Cụm/khối {groups[g].Code}: đơn vị {code} không có trong danh sách đơn vị được chấm; không xếp hạng.");
                }
            }
            groupMembers[g] = members;
        }
        foreach (var code in passes.Keys.Where(c => !grouped.Contains(c)).Order(StringComparer.Ordinal))
        {
            notes.Add($"Đơn vị {code} không thuộc cụm/khối nào trong năm {request.Year}; không xếp hạng.");
        }

        var comparer = new RankKeyComparer(rules.TieBreakers);
        var ranked = new ImmutableArray<RankedEntry>[groups.Length];
        Parallel.For(0, groups.Length, g => ranked[g] = ScoreGroup(compiled, groups[g], groupMembers[g], comparer));

        var proposals = AwardAllocator.Allocate(compiled, request, groups, ranked, comparer);
        var awarded = proposals.ToDictionary(p => p.UnitCode, p => p.Award, StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<GroupResult>(groups.Length);
        for (var g = 0; g < groups.Length; g++)
        {
            var code = groups[g].Code;
            var ranking = ranked[g]
                .Select(e => awarded.TryGetValue(e.Score.Code, out var award) ? e.Score with { Award = award } : e.Score)
                .ToImmutableArray();
            results.Add(new GroupResult(code, groups[g].Name, groups[g].Kind, ranking));
        }
        return new ScoringResult(compiled.Identity, request.Year, results.MoveToImmutable(), proposals) { Notes = [.. notes] };
    }

    private static ImmutableArray<RankedEntry> ScoreGroup(CompiledRuleSet compiled, GroupRecord group, List<UnitPass> members, RankKeyComparer comparer)
    {
        var scores = members.Select(m => (CriterionScore[])m.Scores.Clone()).ToArray();
        var rows = members.Select(m => m.Row).ToArray();
        foreach (var criterion in compiled.Criteria.Where(c => c.NeedsGroup))
        {
            var groupScores = GroupMethods.Evaluate(compiled.Factories[criterion.Index], rows, group.Kind == "bloc" ? "khối" : "cụm");
            for (var i = 0; i < members.Count; i++)
            {
                scores[i][criterion.Index] = groupScores[i];
            }
        }
        var cards = new List<(UnitScore, RankKey, ValueRow, UnitRecord)>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var (score, row) = CardBuilder.Build(compiled, members[i], scores[i], group.Code);
            cards.Add((score, RankKey.For(score, row, compiled.Layout, compiled.RuleSet.TieBreakers), row, members[i].Unit));
        }
        var ranked = GroupRanker.Rank(cards, comparer);
        // Award eligibility may read rank and groupSize.
        foreach (var entry in ranked)
        {
            entry.Row.Values[compiled.Layout.RankSlot] = entry.Score.Rank;
            entry.Row.Values[compiled.Layout.GroupSizeSlot] = entry.GroupSize;
        }
        return ranked;
    }
}
