using System.Collections.Immutable;
using Scoring.Engine.Awards;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Ranking;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>
/// The oracle for <see cref="RequestScorer"/>: session 1's straightforward evaluator, kept unchanged (this folder,
/// <c>Reference*</c>) so that tests can prove the optimised <see cref="ScoringEngine.Score"/> gives byte-identical
/// results on random inputs, and the bench can measure the speed-up under the same load. Not used by the engine.
/// </summary>
internal static class ReferenceRequestScorer
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

        var kinds = rules.UnitKinds.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var passes = new Dictionary<string, ReferenceUnitPass>(StringComparer.Ordinal);
        foreach (var unit in units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            if (kinds.Count > 0 && !kinds.Contains(unit.Kind))
            {
                notes.Add($"Đơn vị {unit.Code} ({unit.Name}) thuộc loại «{unit.Kind}», không thuộc đối tượng của bộ tiêu chí này; không chấm điểm.");
                continue;
            }
            passes[unit.Code] = ReferenceUnitPass.Run(compiled, unit, request.Year);
        }

        var groups = request.Groups.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        var groupMembers = new List<ReferenceUnitPass>[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            var members = new List<ReferenceUnitPass>();
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

    private static ImmutableArray<RankedEntry> ScoreGroup(CompiledRuleSet compiled, GroupRecord group, List<ReferenceUnitPass> members, RankKeyComparer comparer)
    {
        var scores = members.Select(m => (CriterionScore[])m.Scores.Clone()).ToArray();
        var rows = members.Select(m => m.Row).ToArray();
        foreach (var criterion in compiled.Criteria.Where(c => c.NeedsGroup))
        {
            var groupScores = ReferenceGroupMethods.Evaluate(
                new ReferenceScoreFactory(compiled, criterion), rows, [.. members.Select(m => m.Unit.Dissolved)], group.Kind == "bloc" ? "khối" : "cụm");
            for (var i = 0; i < members.Count; i++)
            {
                scores[i][criterion.Index] = groupScores[i];
            }
        }
        var cards = new List<(UnitScore, RankKey, IRankRow, UnitRecord)>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var (score, row) = ReferenceCardBuilder.Build(compiled, members[i], scores[i], group.Code);
            var rankRow = new FixedRankRow(members[i].Row, row, compiled.Layout);
            cards.Add((score, RankKey.For(score, rankRow, compiled.Layout, compiled.RuleSet.TieBreakers), rankRow, members[i].Unit));
        }
        var ranked = GroupRanker.Rank(cards, comparer);
        // Award eligibility may read rank and groupSize.
        foreach (var entry in ranked)
        {
            entry.Card.SetRank(entry.Score.Rank, entry.GroupSize);
        }
        return ranked;
    }
}
