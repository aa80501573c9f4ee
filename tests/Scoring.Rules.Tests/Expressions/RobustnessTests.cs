using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>
/// Random token soup (seeded, so every run checks the same inputs): the compiler must always answer with a
/// translation or errors, never throw, and a translated body must compile and run.
/// </summary>
[TestFixture]
public sealed class RobustnessTests
{
    private static readonly string[] Tokens =
    [
        "a", "b", "zero", "yes", "no", "x", "(", ")", "(", ")", "+", "-", "*", "/", "%", "?", ":", "??", ",", "!",
        "&&", "||", "==", "!=", "<", "<=", ">", ">=", "1", "0", "0.8m", "2.5", "1e3", "Min(", "Max(", "Round(",
        "Ratio(", "Clamp(", "If(", "Abs(", "Floor(", "typeof", "new", "=>", "[", "]", "{", "}", "\"s\"", "$\"", "@",
        "is", "switch", "_", ".", "int", "default", "await", "ref", "=", "++", "^", "..", "'c'", "null", "this",
        "from", "select", "in", "stackalloc", "checked", "Math.Pow(", "#", "\\", "/*", "*/", "//", "\n", "\t", " ",
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Random_token_soup_never_throws(int seed)
    {
        var random = new Random(seed);
        var translated = 0;
        for (var i = 0; i < 800; i++)
        {
            var count = random.Next(1, 25);
            var source = string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, count).Select(_ => Tokens[random.Next(Tokens.Length)]));
            foreach (var expected in new[] { ValueKind.Number, ValueKind.Boolean })
            {
                foreach (var mode in new[] { NumericMode.Decimal, NumericMode.Double })
                {
                    var translation = RuleExpressionCompiler.Translate(source, Eval.Scope(mode), mode, expected);
                    Assert.That(translation.Succeeded || !translation.Errors.IsEmpty, Is.True, source);
                    foreach (var error in translation.Errors)
                    {
                        Assert.That(error.Column, Is.InRange(1, source.Length + 1), source);
                        Assert.That(error.Column - 1 + error.Length, Is.LessThanOrEqualTo(source.Length), source);
                    }
                    if (translation.Succeeded)
                    {
                        translated++;
                        RunIgnoringRuleErrors(translation.Body!);
                    }
                }
            }
            RuleExpressionCompiler.Analyze(source);
        }
        // The soup is mostly invalid; some of it must translate for the run check above to be exercised at all
        // (well-formed formulas are run in bulk by the next test).
        Assert.That(translated, Is.GreaterThan(0));
    }

    [TestCase(11)]
    [TestCase(12)]
    public void Random_well_formed_formulas_translate_and_double_mode_agrees_with_decimal(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var source = Formula(random, depth: 0);
            var exact = Eval.Number(source);
            var fast = Eval.Double(source);
            Assert.That(fast, Is.EqualTo((double)exact).Within(1e-9 * Math.Max(1, Math.Abs((double)exact))), source);
        }
    }

    // Continuous operations only, so decimal and double can differ by rounding error but never by a jump.
    private static string Formula(Random random, int depth)
    {
        if (depth > 5 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => "a",
                1 => "b",
                _ => (random.Next(1, 2000) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        string Next() => Formula(random, depth + 1);
        return random.Next(9) switch
        {
            0 => $"{Next()} + {Next()}",
            1 => $"{Next()} - {Next()}",
            2 => $"({Next()}) * ({Next()})",
            3 => $"({Next()}) / 4",
            4 => $"Min({Next()}, {Next()}, {Next()})",
            5 => $"Max({Next()}, {Next()})",
            6 => $"Abs({Next()})",
            7 => $"Clamp({Next()}, -50, 50)",
            _ => $"-({Next()})",
        };
    }

    private static void RunIgnoringRuleErrors(Expression body)
    {
        var run = Expression.Lambda<Func<object>>(Expression.Convert(body, typeof(object))).Compile();
        try
        {
            run();
        }
        catch (RuleEvaluationException)
        {
            // Division by zero or overflow in a random formula is a defined outcome.
        }
    }
}
