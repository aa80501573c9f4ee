using System.Collections.Concurrent;
using System.Collections.Immutable;
using Scoring.Engine;
using Scoring.Engine.Model;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>
/// Scores one year of a <see cref="ScoringInput"/> with a set of rule-set documents; shared by the command line and the service.
/// For each group of the year, each member gets the rule set that applies to its kind (<see cref="RuleSetSelector"/>);
/// a group whose members fall under different rule sets is split, each rule set ranking its own members (a note says so).
/// Earlier years present in the input are scored first (each with the rule set of that year) and, with the decided
/// history, give the history for award prerequisites (<see cref="HistoryBuilder"/>). No console I/O; problems are returned.
/// </summary>
internal sealed class ScoringPipeline
{
    private readonly ConcurrentDictionary<string, CompiledRuleSet> _compiled = new(StringComparer.Ordinal);
    private readonly Func<RuleSetDocument, CompiledRuleSet> _compile;

    /// <param name="compile">How to compile a document; the default compiles once per rule-set hash for this pipeline's lifetime.</param>
    public ScoringPipeline(Func<RuleSetDocument, CompiledRuleSet>? compile = null)
    {
        _compile = compile ?? (d => _compiled.GetOrAdd(d.Identity.Sha256, _ => ScoringEngine.Compile(d.RuleSet, d.Identity)));
    }

    public PipelineRun Run(IReadOnlyList<RuleSetDocument> ruleSets, ScoringInput data, int year) =>
        RunYear(ruleSets, data, year, [], []);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{RuleSetDocument}, ScoringInput, int)"/>, with outcomes of earlier years that were
    /// computed elsewhere (the service's published runs) and count like results computed here: decided history still wins.
    /// Records for a year the input itself scores are ignored (that year is scored here).
    /// </summary>
    public PipelineRun Run(IReadOnlyList<RuleSetDocument> ruleSets, ScoringInput data, int year, IEnumerable<HistoryRecord> earlierResults) =>
        RunYear(ruleSets, data, year, [], [.. earlierResults.Where(h => !data.Years.TryGetValue(h.Year, out var y) || y.Groups.IsEmpty)]);

    private PipelineRun RunYear(IReadOnlyList<RuleSetDocument> ruleSets, ScoringInput data, int year, Dictionary<int, PipelineRun> memo, IReadOnlyList<HistoryRecord> earlierResults)
    {
        if (memo.TryGetValue(year, out var done))
        {
            return done;
        }

        var problems = new List<string>();
        var notes = new List<string>();
        if (!data.Years.TryGetValue(year, out var yearData) || yearData.Groups.IsEmpty)
        {
            var available = data.Years.Where(y => !y.Value.Groups.IsEmpty).Select(y => y.Key).ToList();
            problems.Add($"Dữ liệu không có cụm/khối năm {year}"
                          + (data.Folder is null ? string.Empty : $" (thiếu tệp groups-{year}.csv trong {data.Folder})")
                          + (available.Count > 0 ? $"; các năm có dữ liệu: {string.Join(", ", available)}." : "."));
            return memo[year] = new PipelineRun(year, [], [.. problems], []);
        }

        var computedHistory = new List<HistoryRecord>(earlierResults.Where(h => h.Year < year));
        foreach (var earlier in data.Years.Where(y => y.Key < year && !y.Value.Groups.IsEmpty).Select(y => y.Key))
        {
            var previous = RunYear(ruleSets, data, earlier, memo, earlierResults);
            if (!previous.Succeeded)
            {
                notes.Add($"Không chấm được đầy đủ năm {earlier} nên lịch sử dùng cho điều kiện khen thưởng có thể thiếu: {previous.Problems[0]}");
            }

            computedHistory.AddRange(previous.Units.Select(u => new HistoryRecord(u.Unit.Code, earlier, u.Unit.Grade, u.Unit.Award)));
        }

        // Assign each member to its rule set, keeping the order of the documents and of the groups.
        var assignments = new Dictionary<RuleSetDocument, List<GroupRecord>>(ReferenceEqualityComparer.Instance);
        var selections = new Dictionary<UnitKind, (RuleSetDocument? Document, string? Problem)>();
        foreach (var group in yearData.Groups)
        {
            var byRuleSet = new Dictionary<RuleSetDocument, List<string>>(ReferenceEqualityComparer.Instance);
            foreach (var member in group.Members)
            {
                var kind = data.Units[member].Kind;
                if (!selections.TryGetValue(kind, out var selection))
                {
                    selection = selections[kind] = RuleSetSelector.Select(ruleSets, data.Tenant, data.Movement, year, kind);
                    if (selection.Problem is not null)
                    {
                        problems.Add(selection.Problem);
                    }
                }

                if (selection.Document is { } document)
                {
                    (byRuleSet.TryGetValue(document, out var list) ? list : byRuleSet[document] = []).Add(member);
                }
            }

            if (byRuleSet.Count > 1)
            {
                notes.Add($"Cụm/khối {group.Code} có đơn vị thuộc {byRuleSet.Count} bộ tiêu chí ("
                          + string.Join(", ", byRuleSet.Select(b => $"{b.Key.RuleSet.Id}: {string.Join(" ", b.Value)}"))
                          + "); mỗi bộ chấm và xếp hạng riêng các đơn vị của mình.");
            }

            foreach (var (document, members) in byRuleSet)
            {
                (assignments.TryGetValue(document, out var groups) ? groups : assignments[document] = [])
                    .Add(new GroupRecord(group.Code, group.Name, group.Kind.Value, [.. members]));
            }
        }

        var runs = ImmutableArray.CreateBuilder<RuleSetRun>();
        foreach (var (document, groups) in assignments.OrderBy(a => a.Key.RuleSet.Id, StringComparer.Ordinal))
        {
            var run = ScoreWith(document, groups, data, yearData, computedHistory, problems);
            if (run is not null)
            {
                runs.Add(run);
            }
        }

        return memo[year] = new PipelineRun(year, runs.ToImmutable(), [.. problems.Distinct()], [.. notes]);
    }

    private RuleSetRun? ScoreWith(
        RuleSetDocument document,
        List<GroupRecord> groups,
        ScoringInput data,
        InputYear yearData,
        IEnumerable<HistoryRecord> computedHistory,
        List<string> problems)
    {
        var ruleSet = document.RuleSet;
        var label = $"{ruleSet.Id}@{ruleSet.Version}";
        var declared = ruleSet.Indicators.ToDictionary(i => i.Id, i => i.Type, StringComparer.Ordinal);
        var units = ImmutableArray.CreateBuilder<UnitRecord>();
        foreach (var code in groups.SelectMany(g => g.Members))
        {
            var unit = data.Units[code];
            var values = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
            foreach (var (indicator, submitted) in yearData.ValuesOf(code))
            {
                if (!declared.TryGetValue(indicator, out var type))
                {
                    continue;
                }

                if (Retype(submitted.Value, type) is { } value)
                {
                    values[indicator] = value;
                }
                else
                {
                    problems.Add($"{submitted.Source}: giá trị {indicator} của {code} là «{submitted.Value}» nhưng bộ tiêu chí {label} khai báo kiểu {type.ToString().ToLowerInvariant()}.");
                }
            }

            units.Add(new UnitRecord(code, unit.Name, unit.Kind.Value, unit.IsDissolvedIn(yearData.Year), values.ToImmutable()));
        }

        CompiledRuleSet compiled;
        try
        {
            compiled = _compile(document);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"Bộ tiêu chí {label} ({document.File}) không biên dịch được: {ex.Message}");
            return null;
        }

        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var history = HistoryBuilder.Build(data, ruleSet, yearData.Year, computedHistory, codes);
        var request = new ScoringRequest(compiled, yearData.Year, [.. groups], units.ToImmutable(), history);
        try
        {
            var result = ScoringEngine.Score(request);
            return new RuleSetRun(document, request, result, InputsHash.Compute(request));
        }
        catch (ArgumentException ex)
        {
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            problems.Add($"Không chấm được với bộ tiêu chí {label}: {message}");
            return null;
        }
    }

    /// <summary>The value in the rule set's declared type: numbers convert among number/percent/count; null when incompatible.</summary>
    private static IndicatorValue? Retype(IndicatorValue value, IndicatorType declared)
    {
        if (value.Type == declared)
        {
            return value;
        }

        var numeric = value.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count;
        var wantsNumeric = declared is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count;
        return numeric && wantsNumeric ? IndicatorValue.FromNumber(value.Number, declared) : null;
    }
}
