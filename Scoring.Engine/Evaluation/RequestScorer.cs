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
    public static ScoringResult Score(ScoringRequest request) => Finish(Prepare(request), null);

    /// <summary>
    /// Everything of a pass that does not depend on the criteria's points: checks, the units scored (ordinal order),
    /// the per-unit pass with the rule set's own points, the groups and their members. Sensitivity samples reuse it.
    /// </summary>
    public static PreparedRequest Prepare(ScoringRequest request)
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
        foreach (var unit in InCodeOrder(request.Units, u => u.Code))
        {
            if (kinds.Count > 0 && !kinds.Contains(unit.Kind))
            {
                notes.Add($"Đơn vị {unit.Code} ({unit.Name}) thuộc loại «{unit.Kind}», không thuộc đối tượng của bộ tiêu chí này; không chấm điểm.");
                continue;
            }
            scored.Add(unit);
        }
        var perUnit = PerUnitPass(compiled, request.Year, scored);
        var passes = new ScoredUnit[scored.Count];
        var byCode = new Dictionary<string, int>(scored.Count, StringComparer.Ordinal);
        for (var i = 0; i < scored.Count; i++)
        {
            passes[i] = new ScoredUnit(perUnit.Points, scored[i], i, perUnit.Notes[i]);
            byCode[scored[i].Code] = i;
        }

        var groups = request.Groups.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        var grouped = new bool[scored.Count];
        var groupMembers = new int[groups.Length][];
        for (var g = 0; g < groups.Length; g++)
        {
            var members = new List<int>(groups[g].Members.Length);
            foreach (var code in InCodeOrder(groups[g].Members, c => c))
            {
                if (byCode.TryGetValue(code, out var index))
                {
                    members.Add(index);
                    grouped[index] = true;
                }
                else if (!units.ContainsKey(code))
                {
                    notes.Add($"Cụm/khối {groups[g].Code}: đơn vị {code} không có trong danh sách đơn vị được chấm; không xếp hạng.");
                }
            }
            groupMembers[g] = [.. members];
        }
        for (var i = 0; i < scored.Count; i++)
        {
            if (!grouped[i])
            {
                notes.Add($"Đơn vị {scored[i].Code} không thuộc cụm/khối nào trong năm {request.Year}; không xếp hạng.");
            }
        }
        return new PreparedRequest(compiled, request, passes, groups, groupMembers, [.. notes]);
    }

    /// <summary>
    /// The group pass, cards, ranking and awards of a prepared request: with the rule set's own points, or with a
    /// sensitivity sample's (<paramref name="perturbation"/>: per-unit points given, group criteria and caps scaled).
    /// </summary>
    public static ScoringResult Finish(PreparedRequest prepared, Perturbation? perturbation)
    {
        var compiled = prepared.Compiled;
        var rules = compiled.RuleSet;
        var passes = prepared.Units;
        if (perturbation is not null)
        {
            var kernel = PointsKernel.ExactOnly(compiled.Criteria.Length);
            var first = passes.Length == 0 ? null : passes[0].Pass;
            var pass = first is null ? null : new UnitPoints(compiled, first.Year, kernel, first.Table, null, perturbation.UnitPoints);
            passes = [.. passes.Select(p => new ScoredUnit(pass!, p.Unit, p.Index, p.Notes, p.Row))];
        }
        var groups = prepared.Groups;
        var comparer = new RankKeyComparer(rules.TieBreakers);
        var ranked = new ImmutableArray<RankedEntry>[groups.Length];
        if (compiled.CardPlan.HasGroupCriteria)
        {
            Parallel.For(0, groups.Length, g =>
                ranked[g] = ScoreGroup(compiled, groups[g], [.. prepared.GroupMembers[g].Select(i => passes[i])], comparer, perturbation));
        }
        else
        {
            // Adding up cards and ranking is a few microseconds per unit: in parallel, the workers' spinning and
            // hand-offs cost more processor time than they save (measured on the bench, docs/performance.md).
            for (var g = 0; g < groups.Length; g++)
            {
                ranked[g] = ScoreGroup(compiled, groups[g], [.. prepared.GroupMembers[g].Select(i => passes[i])], comparer, perturbation);
            }
        }

        var proposals = AwardAllocator.Allocate(compiled, prepared.Request, groups, ranked, comparer);
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
        return new ScoringResult(compiled.Identity, prepared.Request.Year, results.MoveToImmutable(), proposals) { Notes = prepared.Notes, Precision = rules.Precision };
    }

    private static ImmutableArray<RankedEntry> ScoreGroup(
        CompiledRuleSet compiled, GroupRecord group, List<ScoredUnit> members, RankKeyComparer comparer, Perturbation? perturbation)
    {
        (decimal, CriterionExplanation)[][]? groupScores = null;
        if (compiled.CardPlan.HasGroupCriteria)
        {
            var rows = members.Select(m => m.Row).ToArray();
            bool[]? dissolved = members.Any(m => m.Unit.Dissolved) ? [.. members.Select(m => m.Unit.Dissolved)] : null;
            groupScores = [.. members.Select(_ => new (decimal, CriterionExplanation)[compiled.Criteria.Length])];
            foreach (var criterion in compiled.Criteria.Where(c => c.NeedsGroup))
            {
                var scores = GroupMethods.Evaluate(compiled, criterion, rows, GroupKind.NounOf(group.Kind), dissolved);
                for (var i = 0; i < members.Count; i++)
                {
                    groupScores[i][criterion.Index] = perturbation is null ? scores[i] : (perturbation.Scale(criterion, scores[i].Item1), scores[i].Item2);
                }
            }
        }
        var cards = new UnitScore[members.Count];
        var keys = new RankKey[members.Count];
        var cardRows = new IRankRow[members.Count];
        var units = new UnitRecord[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var (score, row) = CardBuilder.Build(compiled, new ScoredCriteria(members[i], groupScores?[i]), group.Code, perturbation);
            (cards[i], keys[i], cardRows[i], units[i]) = (score, RankKey.For(score, row, compiled.Layout, compiled.RuleSet.TieBreakers), row, members[i].Unit);
        }
        var ranked = GroupRanker.Rank(cards, keys, cardRows, units, comparer);
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
        var predicted = new (string? Id, int Slot)[indicators.Length + 8];
        for (var u = 0; u < units.Count; u++)
        {
            var values = units[u].Values;
            var submitted = 0;
            if (values is Dictionary<string, IndicatorValue> plain && IsOrdinal(plain))
            {
                // One pass over what the unit submitted (a lookup per value, none per missing indicator). Units are
                // usually built alike, so the id at each position of the previous unit's dictionary predicts this
                // one's: an ordinal comparison with it replaces the hash lookup.
                var position = 0;
                foreach (var (id, value) in plain)
                {
                    int j;
                    if (position < predicted.Length && string.Equals(predicted[position].Id, id, StringComparison.Ordinal))
                    {
                        j = predicted[position].Slot;
                    }
                    else
                    {
                        j = slots.TryGetValue(id, out var found) ? found : -1;
                        if (position < predicted.Length)
                        {
                            predicted[position] = (id, j);
                        }
                    }
                    position++;
                    if (j >= 0)
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
            var row = layout.RowFromTable(table, u, year);
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

    /// <summary>
    /// The items in ordinal order of their codes, without duplicates: as given when they already are (requests are
    /// usually written in code order), otherwise sorted.
    /// </summary>
    private static IEnumerable<T> InCodeOrder<T>(IReadOnlyList<T> items, Func<T, string> code)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(code(items[i - 1]), code(items[i])) >= 0)
            {
                return items.DistinctBy(code, StringComparer.Ordinal).OrderBy(code, StringComparer.Ordinal);
            }
        }
        return items;
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

