using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>Hostile and out-of-whitelist input: each is an error naming the construct at its exact column.</summary>
[TestFixture]
public sealed class WhitelistTests
{
    [TestCase("System.IO.File.Delete(\"x\")", 1, "Phương thức 'System.IO.File.Delete' không được phép")]
    [TestCase("1 + System.IO.File.Delete(\"x\")", 5, "Phương thức 'System.IO.File.Delete' không được phép")]
    [TestCase("Math.Pow(2, 3)", 1, "Phương thức 'Math.Pow' không được phép; các hàm được phép: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If")]
    [TestCase("a.ToString()", 1, "Phương thức 'a.ToString' không được phép")]
    [TestCase("1 + typeof(string)", 5, "'typeof' không được dùng trong biểu thức")]
    [TestCase("1 + new object()", 5, "Tạo đối tượng bằng 'new' không được dùng trong biểu thức")]
    [TestCase("1 + new()", 5, "Tạo đối tượng bằng 'new' không được dùng trong biểu thức")]
    [TestCase("x => x", 1, "Hàm lambda ('=>') không được dùng trong biểu thức")]
    [TestCase("Max(1, (x) => 2)", 8, "Hàm lambda ('=>') không được dùng trong biểu thức")]
    [TestCase("1 + nameof(a)", 5, "Hàm 'nameof' không được phép")]
    [TestCase("1 + sizeof(int)", 5, "'sizeof' không được dùng trong biểu thức")]
    [TestCase("checked(1 + 1)", 1, "'checked'/'unchecked' không được dùng trong biểu thức")]
    [TestCase("unchecked(1 + 1)", 1, "'checked'/'unchecked' không được dùng trong biểu thức")]
    [TestCase("$\"{a}\" == \"10\"", 1, "Văn bản (chuỗi) không được dùng trong biểu thức")]
    [TestCase("1 + \"string\"", 5, "Văn bản (chuỗi) không được dùng trong biểu thức")]
    [TestCase("'c'", 1, "Ký tự trong dấu nháy đơn không được dùng trong biểu thức")]
    [TestCase("null", 1, "'null' không dùng được trong biểu thức")]
    [TestCase("a is 5", 1, "So khớp mẫu ('is') không được dùng trong biểu thức")]
    [TestCase("a switch { _ => Foo() }", 1, "Biểu thức 'switch' không được dùng trong biểu thức")]
    [TestCase("2 * default", 5, "'default' không được dùng trong biểu thức")]
    [TestCase("default(int)", 1, "'default' không được dùng trong biểu thức")]
    [TestCase("1 + a[0]", 5, "Truy cập theo chỉ mục ('x[...]') không được dùng trong biểu thức")]
    [TestCase("(int)a", 1, "Ép kiểu không được dùng trong biểu thức")]
    [TestCase("a = 1", 1, "Phép gán không được dùng trong biểu thức")]
    [TestCase("a += 1", 1, "Phép gán không được dùng trong biểu thức")]
    [TestCase("a++", 1, "'++'/'--' không được dùng trong biểu thức")]
    [TestCase("--a", 1, "Toán tử '--' không được dùng trong biểu thức")]
    [TestCase("stackalloc int[1]", 1, "Tạo mảng hoặc tập hợp không được dùng trong biểu thức")]
    [TestCase("new int[1]", 1, "Tạo mảng hoặc tập hợp không được dùng trong biểu thức")]
    [TestCase("new[] { 1, 2 }", 1, "Tạo mảng hoặc tập hợp không được dùng trong biểu thức")]
    [TestCase("[1, 2]", 1, "Tạo mảng hoặc tập hợp không được dùng trong biểu thức")]
    [TestCase("new { x = 1 }", 1, "Đối tượng ẩn danh ('new { ... }') không được dùng trong biểu thức")]
    [TestCase("from x in a select x", 1, "Biểu thức truy vấn ('from ... select') không được dùng trong biểu thức")]
    [TestCase("ref a", 1, "Lỗi cú pháp: 'ref' không thể đứng ở vị trí này trong biểu thức")]
    [TestCase("a?.b", 1, "Toán tử '?.' không được dùng trong biểu thức")]
    [TestCase("a!", 1, "Toán tử '!' bỏ qua kiểm tra null không được dùng trong biểu thức")]
    [TestCase("(a, b)", 1, "Bộ giá trị (tuple) không được dùng trong biểu thức")]
    [TestCase("int.MaxValue", 1, "Không được truy cập thành viên 'int.MaxValue'")]
    [TestCase("a.b", 1, "Không được truy cập thành viên 'a.b'")]
    [TestCase("Min<int>(1, 2)", 1, "Lời gọi hàm generic 'Min<int>' không được dùng trong biểu thức")]
    [TestCase("delegate { return 1; }", 1, "Phương thức ẩn danh ('delegate') không được dùng trong biểu thức")]
    [TestCase("this", 1, "'this' không được dùng trong biểu thức")]
    [TestCase("a with { }", 1, "Biểu thức 'with' không được dùng trong biểu thức")]
    [TestCase("1..2", 1, "Khoảng ('..') không được dùng trong biểu thức")]
    [TestCase("global::System.Math.Abs(1)", 1, "Phương thức 'global::System.Math.Abs' không được phép")]
    [TestCase("__arglist(1)", 1, "'__arglist' không được dùng trong biểu thức")]
    [TestCase("1 + await a", 5, "'await' không được dùng trong biểu thức")]
    [TestCase("a; File.Delete(\"x\")", 2, "Lỗi cú pháp: thừa ';' sau khi biểu thức đã kết thúc")]
    [TestCase("a ) + 1", 3, "Lỗi cú pháp: thừa ')' sau khi biểu thức đã kết thúc")]
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
        Assert.That(errors[0].Message, Does.Contain($"Toán tử {op} không được dùng trong biểu thức"));
        Assert.That(errors[0].Column, Is.EqualTo(column));
    }

    [TestCase("throw null", 1, "'throw' không được dùng trong biểu thức")]
    [TestCase("__makeref(a)", 1, "'__makeref'/'__reftype'/'__refvalue' không được dùng trong biểu thức")]
    [TestCase("Min(out var x, 1)", 5, "Không được dùng đối số 'ref', 'out' hay 'in' trong Min(...)")]
    [TestCase("(Func<int>)(() => 1)", 1, "Ép kiểu không được dùng trong biểu thức")]
    [TestCase("@\"x\"", 1, "Văn bản (chuỗi) không được dùng trong biểu thức")]
    [TestCase("\"\"\"raw\"\"\"", 1, "Văn bản (chuỗi) không được dùng trong biểu thức")]
    [TestCase("\"x\"u8", 1, "Văn bản (chuỗi) không được dùng trong biểu thức")]
    [TestCase("a\n#if false\n+ File.Delete(\"x\")\n#endif", 3, "Lỗi cú pháp: thừa '#' sau khi biểu thức đã kết thúc")]
    [TestCase("a # x", 3, "Lỗi cú pháp: chỉ thị tiền xử lý ('#') không được dùng trong biểu thức")]
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

    [TestCase("Foo(1)", "Hàm 'Foo' không được phép; các hàm được phép: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If.")]
    [TestCase("Pow(2, 3)", "Hàm 'Pow' không được phép")]
    [TestCase("Mn(2, 3)", "Hàm 'Mn' không được phép; các hàm được phép: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If. Có phải bạn định viết 'Min'?")]
    [TestCase("Ceil(2)", "Có phải bạn định viết 'Ceiling'?")]
    [TestCase("max(1, 2)", "Hàm 'max' không được phép; tên hàm phân biệt chữ hoa, chữ thường: hãy viết 'Max'.")]
    [TestCase("ROUND(1)", "hãy viết 'Round'")]
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
        Assert.That(Eval.Errors("Max(x: 1, 2)")[0].Message, Does.Contain("Không được dùng đối số có tên"));
        Assert.That(Eval.Errors("Max(ref a, 2)")[0].Message, Does.Contain("Không được dùng đối số 'ref', 'out' hay 'in'"));
        Assert.That(Eval.Errors("Max(1, ref a)")[0].Column, Is.EqualTo(8));
    }
}
