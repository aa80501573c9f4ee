using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>Hostile and out-of-whitelist input: each is an error naming the construct at its exact column.</summary>
[TestFixture]
public sealed class WhitelistTests
{
    [TestCase("System.IO.File.Delete(\"x\")", 1, "Method 'System.IO.File.Delete' is not allowed")]
    [TestCase("1 + System.IO.File.Delete(\"x\")", 5, "Method 'System.IO.File.Delete' is not allowed")]
    [TestCase("Math.Pow(2, 3)", 1, "Method 'Math.Pow' is not allowed; allowed functions: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If")]
    [TestCase("a.ToString()", 1, "Method 'a.ToString' is not allowed")]
    [TestCase("1 + typeof(string)", 5, "'typeof' is not allowed")]
    [TestCase("1 + new object()", 5, "Creating objects with 'new' is not allowed")]
    [TestCase("1 + new()", 5, "Creating objects with 'new' is not allowed")]
    [TestCase("x => x", 1, "A lambda ('=>') is not allowed")]
    [TestCase("Max(1, (x) => 2)", 8, "A lambda ('=>') is not allowed")]
    [TestCase("1 + nameof(a)", 5, "Function 'nameof' is not allowed")]
    [TestCase("1 + sizeof(int)", 5, "'sizeof' is not allowed")]
    [TestCase("checked(1 + 1)", 1, "'checked'/'unchecked' is not allowed")]
    [TestCase("unchecked(1 + 1)", 1, "'checked'/'unchecked' is not allowed")]
    [TestCase("$\"{a}\" == \"10\"", 1, "Text (a string) is not allowed")]
    [TestCase("1 + \"string\"", 5, "Text (a string) is not allowed")]
    [TestCase("'c'", 1, "A character literal is not allowed")]
    [TestCase("null", 1, "null is not allowed")]
    [TestCase("a is 5", 1, "Pattern matching ('is') is not allowed")]
    [TestCase("a switch { _ => Foo() }", 1, "A 'switch' expression is not allowed")]
    [TestCase("2 * default", 5, "'default' is not allowed")]
    [TestCase("default(int)", 1, "'default' is not allowed")]
    [TestCase("1 + a[0]", 5, "Indexing ('x[...]') is not allowed")]
    [TestCase("(int)a", 1, "A type cast is not allowed")]
    [TestCase("a = 1", 1, "Assignment is not allowed")]
    [TestCase("a += 1", 1, "Assignment is not allowed")]
    [TestCase("a++", 1, "'++'/'--' is not allowed")]
    [TestCase("--a", 1, "The operator '--' is not allowed")]
    [TestCase("stackalloc int[1]", 1, "Creating an array or collection is not allowed")]
    [TestCase("new int[1]", 1, "Creating an array or collection is not allowed")]
    [TestCase("new[] { 1, 2 }", 1, "Creating an array or collection is not allowed")]
    [TestCase("[1, 2]", 1, "Creating an array or collection is not allowed")]
    [TestCase("new { x = 1 }", 1, "An anonymous object ('new { ... }') is not allowed")]
    [TestCase("from x in a select x", 1, "A query expression ('from ... select') is not allowed")]
    [TestCase("ref a", 1, "Syntax error: Invalid expression term 'ref'")]
    [TestCase("a?.b", 1, "The '?.' operator is not allowed")]
    [TestCase("a!", 1, "The '!' null-forgiving operator is not allowed")]
    [TestCase("(a, b)", 1, "A tuple is not allowed")]
    [TestCase("int.MaxValue", 1, "Member access 'int.MaxValue' is not allowed")]
    [TestCase("a.b", 1, "Member access 'a.b' is not allowed")]
    [TestCase("Min<int>(1, 2)", 1, "The generic call 'Min<int>' is not allowed")]
    [TestCase("delegate { return 1; }", 1, "An anonymous method ('delegate') is not allowed")]
    [TestCase("this", 1, "'this' is not allowed")]
    [TestCase("a with { }", 1, "A 'with' expression is not allowed")]
    [TestCase("1..2", 1, "A range ('..') is not allowed")]
    [TestCase("global::System.Math.Abs(1)", 1, "Method 'global::System.Math.Abs' is not allowed")]
    [TestCase("__arglist(1)", 1, "'__arglist' is not allowed")]
    [TestCase("1 + await a", 5, "'await' is not allowed")]
    [TestCase("a; File.Delete(\"x\")", 2, "Syntax error: Unexpected ';' after the end of the expression")]
    [TestCase("a ) + 1", 3, "Syntax error: Unexpected ')' after the end of the expression")]
    public void Construct_is_rejected_at_its_column(string source, int column, string message)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain(message));
        Assert.That(errors[0].Column, Is.EqualTo(column));
        Assert.That(errors[0].Length, Is.GreaterThan(0));
    }

    [TestCase("a is int", 3, "'is'")]
    [TestCase("a as int", 3, "'as'")]
    [TestCase("a & b", 3, "'&'")]
    [TestCase("a | b", 3, "'|'")]
    [TestCase("a ^ b", 3, "'^'")]
    [TestCase("a << 2", 3, "'<<'")]
    [TestCase("a >> 2", 3, "'>>'")]
    [TestCase("a >>> 2", 3, "'>>>'")]
    [TestCase("~a", 1, "'~'")]
    [TestCase("1 + ^a", 5, "'^'")]
    public void Operator_outside_the_whitelist_is_rejected_at_the_operator(string source, int column, string op)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.Contain($"The operator {op} is not allowed"));
        Assert.That(errors[0].Column, Is.EqualTo(column));
    }

    [TestCase("throw null", 1, "'throw' is not allowed")]
    [TestCase("__makeref(a)", 1, "'__makeref'/'__reftype'/'__refvalue' is not allowed")]
    [TestCase("Min(out var x, 1)", 5, "'ref', 'out' and 'in' arguments are not allowed in Min(...)")]
    [TestCase("(Func<int>)(() => 1)", 1, "A type cast is not allowed")]
    [TestCase("@\"x\"", 1, "Text (a string) is not allowed")]
    [TestCase("\"\"\"raw\"\"\"", 1, "Text (a string) is not allowed")]
    [TestCase("\"x\"u8", 1, "Text (a string) is not allowed")]
    [TestCase("a\n#if false\n+ File.Delete(\"x\")\n#endif", 3, "Syntax error: Unexpected '#' after the end of the expression")]
    [TestCase("a # x", 3, "Syntax error: Preprocessor directives must appear as the first non-whitespace character on a line")]
    public void Other_hostile_input_is_an_error_at_its_column(string source, int column, string message)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.StartWith(message));
        Assert.That(errors[0].Column, Is.EqualTo(column));
    }

    [Test]
    public void Throw_is_rejected_at_its_column()
    {
        var errors = Eval.Errors("a > 1 ? 2 : throw null");
        Assert.That(errors[0].Message, Does.Contain("'throw'"));
        Assert.That(errors[0].Column, Is.EqualTo(13));
    }

    [TestCase("Foo(1)", "Function 'Foo' is not allowed; allowed functions: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If.")]
    [TestCase("Pow(2, 3)", "Function 'Pow' is not allowed")]
    [TestCase("Mn(2, 3)", "Function 'Mn' is not allowed; allowed functions: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If. Did you mean 'Min'?")]
    [TestCase("Ceil(2)", "Did you mean 'Ceiling'?")]
    [TestCase("max(1, 2)", "Function 'max' is not allowed; function names are case-sensitive, write 'Max'.")]
    [TestCase("ROUND(1)", "write 'Round'")]
    public void Function_outside_the_list_is_rejected(string source, string message)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.Contain(message));
        Assert.That(errors[0].Column, Is.EqualTo(1));
        Assert.That(errors[0].Length, Is.EqualTo(source.IndexOf('(', StringComparison.Ordinal)));
    }

    [Test]
    public void Named_and_ref_arguments_are_rejected()
    {
        Assert.That(Eval.Errors("Max(x: 1, 2)")[0].Message, Does.Contain("Named arguments are not allowed"));
        Assert.That(Eval.Errors("Max(ref a, 2)")[0].Message, Does.Contain("'ref', 'out' and 'in' arguments are not allowed"));
        Assert.That(Eval.Errors("Max(1, ref a)")[0].Column, Is.EqualTo(8));
    }
}
