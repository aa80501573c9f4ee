using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>The compiled tree is compiled once and run many times: it must be reusable, unboxed and allocation-free.</summary>
[TestFixture]
public sealed class EvaluationTests
{
    private const string Formula =
        "Ratio(trained, total) >= 0.8m ? 15 : Round(Ratio(trained, total) / 0.8m * 15, 2) + Min(bonus, 2) - Abs(penalty) % 3";

    [Test]
    public void One_compiled_delegate_evaluates_many_inputs()
    {
        var scope = new ArrayScope("trained", "total", "bonus", "penalty");
        var score = scope.Compile<decimal>(Formula, ValueKind.Number);
        Assert.That(score([90m, 100m, 5m, 0m]), Is.EqualTo(15m));
        Assert.That(score([60m, 100m, 1m, -4m]), Is.EqualTo(11.25m));
        Assert.That(score([0m, 0m, 0m, 0m]), Is.EqualTo(0m));
    }

    [Test]
    public void Evaluation_does_not_allocate()
    {
        var scope = new ArrayScope("trained", "total", "bonus", "penalty");
        var score = scope.Compile<decimal>(Formula, ValueKind.Number);
        var check = scope.Compile<bool>("trained / total >= 0.8 && Clamp(bonus, 0, 1) == 1 || Floor(penalty) < Ceiling(penalty)", ValueKind.Boolean);
        decimal[] input = [60m, 100m, 1m, -4.5m];
        Assert.That(score(input), Is.EqualTo(10.75m)); // 11.25 + Min(1, 2) - Abs(-4.5) % 3
        Assert.That(check(input), Is.True); // Floor(-4.5) = -5 < Ceiling(-4.5) = -4
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0m;
        for (var i = 0; i < 10_000; i++)
        {
            sum += score(input);
            sum += check(input) ? 1m : 0m;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(sum, Is.EqualTo(10_000m * 11.75m));
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Tree_never_boxes_numbers()
    {
        var scope = new ArrayScope("trained", "total", "bonus", "penalty");
        var translation = RuleExpressionCompiler.Translate(Formula, scope, NumericMode.Decimal, ValueKind.Number);
        var finder = new ObjectTypedNodeFinder();
        finder.Visit(translation.Body);
        Assert.That(finder.Found, Is.Empty);
    }

    [Test]
    public void Body_without_arithmetic_is_not_wrapped_in_a_try_block()
    {
        var scope = new ArrayScope("trained", "total");
        var translation = RuleExpressionCompiler.Translate("Max(trained, total)", scope, NumericMode.Decimal, ValueKind.Number);
        Assert.That(translation.Body, Is.Not.InstanceOf<TryExpression>());
        var arithmetic = RuleExpressionCompiler.Translate("trained / total", scope, NumericMode.Decimal, ValueKind.Number);
        Assert.That(arithmetic.Body, Is.InstanceOf<TryExpression>());
    }

    [Test]
    public void Division_by_zero_in_one_unit_does_not_poison_the_delegate()
    {
        var scope = new ArrayScope("trained", "total");
        var ratio = scope.Compile<decimal>("trained / total", ValueKind.Number);
        Assert.Throws<RuleEvaluationException>(() => ratio([1m, 0m]));
        Assert.That(ratio([1m, 4m]), Is.EqualTo(0.25m));
    }

    private sealed class ObjectTypedNodeFinder : ExpressionVisitor
    {
        public List<Expression> Found { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null && node.Type == typeof(object))
            {
                Found.Add(node);
            }
            return base.Visit(node);
        }
    }
}
