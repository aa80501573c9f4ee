using System.Collections.Immutable;
using Scoring.Engine.Awards;
using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Engine.Model;
using Scoring.Engine.Ranking;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

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

        var kinds = rules.UnitKinds.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
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
        var perUnit = PerUnitPass(compiled, request.Year, scored);
        var passes = new Dictionary<string, ScoredUnit>(scored.Count, StringComparer.Ordinal);
        for (var i = 0; i < scored.Count; i++)
        {
            passes[scored[i].Code] = new ScoredUnit(perUnit.Points, scored[i], i, perUnit.Notes[i]);
        }

        var groups = request.Groups.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        var groupMembers = new List<ScoredUnit>[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            var members = new List<ScoredUnit>();
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
        return new ScoringResult(compiled.Identity, request.Year, results.MoveToImmutable(), proposals) { Notes = [.. notes], Precision = rules.Precision };
    }

    private static ImmutableArray<RankedEntry> ScoreGroup(CompiledRuleSet compiled, GroupRecord group, List<ScoredUnit> members, RankKeyComparer comparer)
    {
        (decimal, CriterionExplanation)[][]? groupScores = null;
        if (compiled.CardPlan.HasGroupCriteria)
        {
            var rows = members.Select(m => m.Row).ToArray();
            groupScores = [.. members.Select(_ => new (decimal, CriterionExplanation)[compiled.Criteria.Length])];
            foreach (var criterion in compiled.Criteria.Where(c => c.NeedsGroup))
            {
                var scores = GroupMethods.Evaluate(compiled, criterion, rows, GroupKind.NounOf(group.Kind));
                for (var i = 0; i < members.Count; i++)
                {
                    groupScores[i][criterion.Index] = scores[i];
                }
            }
        }
        var cards = new List<(UnitScore, RankKey, IRankRow, UnitRecord)>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var (score, row) = CardBuilder.Build(compiled, new ScoredCriteria(members[i], groupScores?[i]), group.Code);
            cards.Add((score, RankKey.For(score, row, compiled.Layout, compiled.RuleSet.TieBreakers), row, members[i].Unit));
        }
        var ranked = GroupRanker.Rank(cards, comparer);
        foreach (var entry in ranked)
        {
            entry.Card.SetRank(entry.Score.Rank, entry.GroupSize);
        }
        return ranked;
    }

    /// <summary>
    /// The inputs of every scored unit in one table, and the points of every per-unit criterion: the guarded double
    /// kernel with exact fallback, or (for a rule set the kernel cannot take) the exact evaluation.
    /// </summary>
    private static (UnitPoints Points, IReadOnlyList<string>[] Notes) PerUnitPass(CompiledRuleSet compiled, int year, List<UnitRecord> units)
    {
        var layout = compiled.Layout;
        var kernel = compiled.KernelFor(year);
        var builder = new IndicatorTableBuilder(compiled.RuleSet.Indicators, units.Count);
        var indicators = layout.Indicators;
        var notes = new IReadOnlyList<string>[units.Count];
        var slots = layout.IndicatorSlots;
        for (var u = 0; u < units.Count; u++)
        {
            var values = units[u].Values;
            var submitted = 0;
            if (values is Dictionary<string, IndicatorValue> plain && IsOrdinal(plain))
            {
                // One pass over what the unit submitted (a lookup per value, none per missing indicator).
                foreach (var (id, value) in plain)
                {
                    if (slots.TryGetValue(id, out var j))
                    {
                        builder.Set(u, j, value.Number);
                        submitted++;
                    }
                }
            }
            else
            {
                for (var j = 0; j < indicators.Length; j++)
                {
                    if (values.TryGetValue(indicators[j].Id, out var value))
                    {
                        builder.Set(u, j, value.Number);
                        submitted++;
                    }
                }
            }
            notes[u] = NotesFor(layout, units[u], submitted);
        }
        var table = builder.Build();
        if (kernel.Scorer is { } scorer)
        {
            return (new UnitPoints(compiled, year, kernel, table, scorer.ScorePoints(table), null), notes);
        }
        var exact = new decimal[units.Count][];
        for (var u = 0; u < units.Count; u++)
        {
            var row = layout.RowFromTable(table, u);
            exact[u] = new decimal[compiled.Criteria.Length];
            foreach (var criterion in compiled.Criteria.Where(c => !c.NeedsGroup))
            {
                exact[u][criterion.Index] = Explainer.Explain(compiled, criterion, row, year).Points;
            }
        }
        return (new UnitPoints(compiled, year, kernel, table, null, exact), notes);
    }

    private static IReadOnlyList<string> NotesFor(RowLayout layout, UnitRecord unit, int submittedIndicators)
    {
        List<string>? notes = null;
        if (unit.Dissolved)
        {
            (notes ??= []).Add("Đơn vị đã giải thể trong năm: được chấm điểm và xếp hạng nhưng không được đề nghị khen thưởng.");
        }
        // Ids are distinct, so when every submitted id is one of the indicators found there is nothing to report, and
        // the ids need not be listed. Only with ordinal keys: a case-insensitive dictionary finds "dti" for "DTI",
        // which the layout does not know.
        if (!IsOrdinal(unit.Values) || unit.Values.Count != submittedIndicators)
        {
            foreach (var id in unit.Values.Keys.Order(StringComparer.Ordinal))
            {
                if (!(layout.TryGetSlot(id, out var slot) && layout.IsIndicator(slot)))
                {
                    (notes ??= []).Add($"Số liệu «{id}» không thuộc bộ tiêu chí này nên không được dùng.");
                }
            }
        }
        return notes is null ? [] : notes;
    }

    private static bool IsOrdinal(IReadOnlyDictionary<string, IndicatorValue> values)
    {
        var comparer = values switch
        {
            ImmutableDictionary<string, IndicatorValue> d => d.KeyComparer,
            Dictionary<string, IndicatorValue> d => d.Comparer,
            System.Collections.Frozen.FrozenDictionary<string, IndicatorValue> d => d.Comparer,
            _ => null,
        };
        return comparer == StringComparer.Ordinal || comparer == EqualityComparer<string>.Default;
    }
}

