using Scoring.Rules.Validation;

namespace Scoring.Rules.Tests.Validation;

public sealed class DiagnosticTextTests
{
    [Test]
    public void ToString_HasAVietnameseFrameAroundCodeAndPosition()
    {
        var error = new Diagnostic("RS0401", DiagnosticSeverity.Error, "a.rules.json", 3, 7, "$.sections[0].maxPoints", "Mục `A` sai.", "Sửa lại.");
        var warning = error with { Code = "RS0504", Severity = DiagnosticSeverity.Warning };

        Assert.That(error.ToString(), Is.EqualTo("a.rules.json(3,7): lỗi RS0401 $.sections[0].maxPoints: Mục `A` sai. Cách sửa: Sửa lại."));
        Assert.That(warning.ToString(), Does.StartWith("a.rules.json(3,7): cảnh báo RS0504 $.sections[0].maxPoints: "));
    }
}
