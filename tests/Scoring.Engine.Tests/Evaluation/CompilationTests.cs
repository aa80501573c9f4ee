using Scoring.Engine.Compilation;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class CompilationTests
{
    [Test]
    public void Cache_CompilesOncePerHash()
    {
        var cache = new CompiledRuleSetCache();
        var rules = ExampleRuleSet.Simple();

        var first = cache.GetOrCompile(rules, Identity);
        var second = cache.GetOrCompile(rules, Identity);
        var other = cache.GetOrCompile(rules, Identity with { Sha256 = new string('b', 64) });

        Assert.That(second, Is.SameAs(first));
        Assert.That(other, Is.Not.SameAs(first));
        Assert.That(cache.Count, Is.EqualTo(2));
    }

    [Test]
    public void Cache_IsSafeUnderConcurrentRequests()
    {
        var cache = new CompiledRuleSetCache();
        var rules = ExampleRuleSet.Simple();

        var compiled = Enumerable.Range(0, 16).AsParallel().Select(_ => cache.GetOrCompile(rules, Identity)).ToList();

        Assert.That(compiled.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Cache_DoesNotKeepFailures()
    {
        var cache = new CompiledRuleSetCache();
        var broken = RuleSet([Indicator("a")], [Section("S", 1m, Criterion("C", 1m, new ExpressionMethod("missingIndicator")))]);

        Assert.That(() => cache.GetOrCompile(broken, Identity), Throws.TypeOf<RuleSetCompilationException>());
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public void DeadlineOnANonDateIndicator_IsACompileError()
    {
        var rules = RuleSet([Indicator("n")], [Section("S", 5m, Criterion("C", 5m,
            new DeadlineMethod("n", new DueDate(null, new NodaTime.AnnualDate(11, 10)), 1m, DeductionUnit.Day, 0m)))]);

        Assert.That(() => Compile(rules), Throws.TypeOf<RuleSetCompilationException>().With.Message.Contains("không phải chỉ số kiểu ngày"));
    }

    [Test]
    public void DateIndicatorInAnExpression_IsACompileError()
    {
        var rules = RuleSet([Indicator("d", IndicatorType.Date)], [Section("S", 5m, Criterion("C", 5m, new ExpressionMethod("d")))]);

        var error = Assert.Throws<RuleSetCompilationException>(() => Compile(rules));
        Assert.That(error!.Errors, Has.Length.EqualTo(1));
        Assert.That(error.Errors[0], Does.StartWith("$.criteria[C].formula"));
    }

    [Test]
    public void BooleanWhereANumberIsNeeded_IsACompileError()
    {
        var rules = RuleSet([Indicator("flag", IndicatorType.Boolean)], [Section("S", 5m, Criterion("C", 5m, new CountMethod("flag", 1m)))]);

        Assert.That(() => Compile(rules), Throws.TypeOf<RuleSetCompilationException>().With.Message.Contains("cần một số"));
    }

    [Test]
    public void RankInAGradeCondition_IsACompileError()
    {
        var rules = RuleSet([Indicator("a")], [Section("S", 5m, Criterion("C", 5m, new ExpressionMethod("a")))], grades: [Grade("g", null, condition: "rank")]);

        Assert.That(() => Compile(rules), Throws.TypeOf<RuleSetCompilationException>().With.Message.Contains("$.grades[g].condition"));
    }

    [Test]
    public void RuleSetIdentity_IsCarriedIntoTheResult()
    {
        var identity = new RuleSetIdentity("x", "2.1.0", new string('c', 64));
        var compiled = ScoringEngine.Compile(ExampleRuleSet.Simple(), identity);

        var result = ScoringEngine.Score(Request(compiled, [Group("G", "U")], [Unit("U")]));

        Assert.That(result.RuleSet, Is.EqualTo(identity));
        Assert.That(result.Year, Is.EqualTo(2025));
    }
}
