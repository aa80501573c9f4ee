using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using Scoring.Rules.Model;

namespace Scoring.Engine.Testing;

/// <summary>
/// Runs the test cases shipped inside a rule set (<see cref="RuleSet.Tests"/>): the test unit and its peers form one
/// group scored for the test's year; expected criterion points, total and grade are compared exactly.
/// </summary>
public static class RuleSetTestRunner
{
    /// <summary>The code the test unit gets (peers keep theirs).</summary>
    public const string TestUnitCode = "test-unit";

    /// <summary>Runs every test case of the compiled rule set; never throws for a failing case.</summary>
    public static RuleSetTestReport Run(CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var tests = ruleSet.RuleSet.Tests.IsDefault ? [] : ruleSet.RuleSet.Tests;
        return new RuleSetTestReport(ruleSet.Identity, [.. tests.Select(t => RunOne(ruleSet, t))]);
    }

    /// <summary>Runs one test case.</summary>
    public static RuleSetTestResult RunOne(CompiledRuleSet ruleSet, RuleSetTestCase test)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(test);
        var kind = ruleSet.RuleSet.UnitKinds.IsDefaultOrEmpty ? "unit" : ruleSet.RuleSet.UnitKinds[0].Value;
        var peers = test.Peers.IsDefault ? [] : test.Peers;
        var code = TestUnitCode;
        while (peers.Any(p => p.Code == code))
        {
            code += "_";
        }
        var units = peers.Select(p => new UnitRecord(p.Code, p.Code, kind, false, p.Values))
            .Prepend(new UnitRecord(code, test.Name, kind, false, test.Values))
            .ToImmutableArray();
        var group = new GroupRecord("test-group", "Nhóm thử", GroupKind.Cluster.Value, [.. units.Select(u => u.Code)]);
        ScoringResult result;
        try
        {
            result = ScoringEngine.Score(new ScoringRequest(ruleSet, test.Year, [group], units, []));
        }
        catch (ArgumentException ex)
        {
            return new RuleSetTestResult(test.Name, test.Path, [new RuleSetTestMismatch(test.Path, "error", "một kết quả chấm điểm", WithoutParameter(ex))], null);
        }
        var card = result.Groups.SelectMany(g => g.Ranking).Single(u => u.Code == code);
        var criteria = card.Sections.SelectMany(s => s.Criteria).Concat(card.BonusCriteria).Concat(card.PenaltyCriteria)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        var mismatches = ImmutableArray.CreateBuilder<RuleSetTestMismatch>();
        foreach (var (id, expected) in test.ExpectedCriteria.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = $"{test.Path}.expect.criteria['{id}']";
            if (!criteria.TryGetValue(id, out var actual))
            {
                mismatches.Add(new RuleSetTestMismatch(path, id, Vn.Invariant(expected), "bộ tiêu chí không có tiêu chí nào mang mã này"));
            }
            else if (actual.Points != expected)
            {
                mismatches.Add(new RuleSetTestMismatch(path, id, Vn.Invariant(expected), $"{Vn.Invariant(actual.Points)} ({ExplanationRenderer.Reason(actual)})"));
            }
        }
        if (test.ExpectedTotal is { } total && card.Total != total)
        {
            mismatches.Add(new RuleSetTestMismatch($"{test.Path}.expect.total", "total", Vn.Invariant(total), Vn.Invariant(card.Total)));
        }
        if (test.ExpectedGrade is { } grade && card.Grade != grade)
        {
            mismatches.Add(new RuleSetTestMismatch($"{test.Path}.expect.grade", "grade", grade, card.Grade.Length == 0 ? "(không xếp loại)" : card.Grade));
        }
        return new RuleSetTestResult(test.Name, test.Path, mismatches.ToImmutable(), card);
    }

    // The engine's messages are Vietnamese; .NET appends " (Parameter 'request')" in English, which the reader does not need.
    private static string WithoutParameter(ArgumentException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
}
