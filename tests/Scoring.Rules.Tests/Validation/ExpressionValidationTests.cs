using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class ExpressionValidationTests
{
    [Test]
    public void UnknownIndicator_IsReportedAtItsColumnWithASuggestion()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["value"] = "dtii");

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[0].value"));
        Assert.That(d.Message, Does.StartWith("Tiêu chí `A.1`, `value`: `dtii` không phải chỉ số đã khai báo"));
        Assert.That(d.Message, Does.EndWith("Có phải bạn định viết `dti`?"));
        var quote = Find(text, "\"dtii\"");
        Assert.That(At(d), Is.EqualTo((quote.Line, quote.Column + 1)), "the first character inside the quotes");
    }

    [Test]
    public void DateIndicatorInAnExpression_PointsToTheDeadlineMethod()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["value"] = "reportOn");

        var d = Single(Load(text), DiagnosticCodes.DateInExpression);

        Assert.That(d.Message, Does.Contain("`reportOn` là chỉ số kiểu ngày"));
        Assert.That(d.Fix, Does.Contain("deadline"));
    }

    [Test]
    public void BooleanWhereANumberIsNeeded_IsAnError()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["value"] = "done");

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.ExpressionWrongKind);
        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[0].value"));
        Assert.That(d.Message, Is.EqualTo("Tiêu chí `A.1`, `value`: \"done\" là một điều kiện (true/false) nhưng ở đây cần một số."));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"done\"", "\"A.1\"")));
        Assert.That(result.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Error), Is.EqualTo(1));
    }

    [Test]
    public void NumberWhereAConditionIsNeeded_IsAnError()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![1]!["condition"] = "dti");

        var d = Load(text).Diagnostics.Single();

        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.ExpressionWrongKind));
        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[1].condition"));
        Assert.That(d.Message, Is.EqualTo("Tiêu chí `A.2`, `condition`: \"dti\" là một số nhưng ở đây cần một điều kiện (true/false)."));
    }

    [Test]
    public void GradeConditionMayUseTotal_AwardEligibilityMayUseRankAndGroupSize()
    {
        var ok = Edit(r =>
        {
            r["grades"]![0]!["condition"] = "done";
            r["awards"] = JArray.Parse("""[ { "id": "a", "title": "A", "precedence": 1, "eligibility": "done" } ]""");
        });
        var bad = Edit(r =>
        {
            r["grades"]![0]!["condition"] = "rank";
            r["awards"] = JArray.Parse("""[ { "id": "a", "title": "A", "precedence": 1, "eligibility": "dtii" } ]""");
        });

        Assert.That(Load(ok).Diagnostics, Is.Empty);
        var found = Load(bad).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(found.Select(d => d.JsonPath), Is.EqualTo(new[] { "$.grades[0].condition", "$.awards[0].eligibility" }));
        Assert.That(found[0].Code, Is.EqualTo(DiagnosticCodes.UnknownIdentifier), "rank is only known to award eligibility");
    }

    [Test]
    public void NumericOperand_IsStoredAsInvariantExpressionText()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "target", "value": "dti", "target": 1.25 }""");

        var method = (Scoring.Rules.Model.TargetMethod)Load(text).Document!.RuleSet.Sections[0].Criteria[2].Method;

        Assert.That(method.Target, Is.EqualTo("1.25"));
        Assert.That(method.Value, Is.EqualTo("dti"));
    }

    private const string CheckA2 = "\"method\": \"check\", \"condition\": \"done\"";

    [Test]
    public void UnknownNameInTheMiddleOfAFormula_IsReportedAtItsExactFileColumn()
    {
        var text = Minimal.Replace(CheckA2, "\"method\": \"expression\", \"formula\": \"Min(dti * 10, n + staffz)\"", StringComparison.Ordinal);

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        // Line 22: `        { "id": "A.2", "title": "a2", "maxPoints": 10, "method": "expression", "formula": "Min(dti * 10, n + staffz)" }`
        // The string opens at column 91; `staffz` is its 19th character, so column 91 + 1 + 18 = 110.
        Assert.That(At(d), Is.EqualTo((22, 110)));
        Assert.That(At(d), Is.EqualTo(Find(text, "staffz")));
        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[1].formula"));
        Assert.That(d.Message, Does.StartWith("Tiêu chí `A.2`, `formula`: `staffz` không phải chỉ số đã khai báo (cột 19 của biểu thức)."));
    }

    [Test]
    public void ExpressionColumns_FollowEscapesInTheJsonString()
    {
        // \u0020 is one space in the formula but six characters in the file.
        var text = Minimal.Replace(CheckA2, "\"method\": \"expression\", \"formula\": \"dti\\u0020* 10 + bogus\"", StringComparison.Ordinal);

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        Assert.That(At(d), Is.EqualTo(Find(text, "bogus")));
        Assert.That(d.Message, Does.Contain("(cột 12 của biểu thức)"));
    }

    [Test]
    public void SyntaxAndWhitelistErrors_AreMappedToo()
    {
        var text = Minimal.Replace(CheckA2, "\"method\": \"expression\", \"formula\": \"dti + Math.Sqrt(n)\"", StringComparison.Ordinal);

        var d = Load(text).Diagnostics.Single();

        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.ExpressionInvalid));
        Assert.That(d.Message, Does.StartWith("Tiêu chí `A.2`, `formula`: "));
        Assert.That(d.Line, Is.EqualTo(22));
        Assert.That(d.Column, Is.GreaterThanOrEqualTo(Find(text, "Math").Column));
    }

    [Test]
    public void DateIndicatorInsideAFormula_IsPositionedAtTheName()
    {
        var text = Minimal.Replace(CheckA2, "\"method\": \"expression\", \"formula\": \"dti * 10 + reportOn\"", StringComparison.Ordinal);

        var d = Single(Load(text), DiagnosticCodes.DateInExpression);

        Assert.That(At(d), Is.EqualTo(Find(text, "reportOn\"", "A.2")));
    }

    [Test]
    public void SeveralExpressionErrors_AreAllReported()
    {
        var text = Minimal.Replace(CheckA2, "\"method\": \"expression\", \"formula\": \"foo + bar\"", StringComparison.Ordinal);

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownIdentifier).Select(At).ToList();

        Assert.That(found, Is.EqualTo(new[] { Find(text, "foo"), Find(text, "bar") }));
    }

    [Test]
    public void MisspeltNameInTheExamplesFormula_IsAtTheDocumentedPosition()
    {
        var original = File.ReadAllText(RepositoryPaths.ExampleRuleSet);
        var index = original.IndexOf("Ratio(staffTrained", StringComparison.Ordinal);
        var text = original[..index] + "Ratio(staffTraned" + original[(index + "Ratio(staffTrained".Length)..];

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        // docs/rule-sets.md, section 10, shows this diagnostic.
        Assert.That((d.Line, d.Column, d.JsonPath), Is.EqualTo((64, 29, "$.sections[1].criteria[0].formula")));
        Assert.That(d.Message, Is.EqualTo("Tiêu chí `II.1`, `formula`: `staffTraned` không phải chỉ số đã khai báo (cột 7 của biểu thức). Có phải bạn định viết `staffTrained`?"));
    }
    [TestCase("dtі", "`і` (bảng chữ cái Kirin, trông giống chữ Latin `i`)")]   // Cyrillic і
    [TestCase("dtι", "`ι` (bảng chữ cái Hy Lạp, trông giống chữ Latin `i`)")]   // Greek iota
    [TestCase("dtí", "`í` (có dấu, khác chữ `i`)")]                            // a Vietnamese keyboard's í
    public void LookAlikeLetter_HasTheMisspellingCodeAndHint(string name, string letter)
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["value"] = name + " * 1");

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        Assert.That(d.Message, Does.Contain($"`{name}` không phải chỉ số đã khai báo").And.Contain(letter).And.EndWith("Có phải bạn định viết `dti`?"));
        Assert.That(d.Fix, Does.Contain("chữ Latin"));
    }

    [Test]
    public void LookAlikeLettersThroughoutAName_StillFindTheName()
    {
        // Four Cyrillic letters: too far for the edit-distance hint, but the same name to the eye.
        var text = WithCriterion("""{ "id": "B.1", "title": "b", "maxPoints": 5, "method": "count", "value": "sеcurіtуIncіdents", "pointsEach": 1 }""",
            r => ((Newtonsoft.Json.Linq.JArray)r["indicators"]!).Add(JObject.Parse("""{ "id": "securityIncidents", "type": "count", "title": "Sự cố" }""")));

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        Assert.That(d.Message, Does.EndWith("Có phải bạn định viết `securityIncidents`?"));
    }

    [Test]
    public void NullInAnExpression_IsExplainedNotCalledAnIndicator()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![1]!["condition"] = "n != null");

        var result = Load(text);

        Assert.That(result.Diagnostics.Where(x => x.Code == DiagnosticCodes.UnknownIdentifier), Is.Empty);
        var d = Single(result, DiagnosticCodes.ExpressionInvalid);
        Assert.That(d.Message, Does.Contain("`null` không dùng được trong biểu thức").And.Contain("chưa nộp"));
        Assert.That(d.Fix, Does.Contain("?? 0").And.Contain("default"));
    }

    [TestCase("(dti + 1)(2)")]
    [TestCase("2(dti)")]
    [TestCase("Min(dti, 1)(2)")]
    [TestCase("dti + (1 2)")]
    [TestCase("dti is 1")]
    [TestCase("dti switch { _ => 1 }")]
    [TestCase("x => 1")]
    [TestCase("dti..1")]
    [TestCase("nameof(dti)")]
    [TestCase("stackalloc int[1]")]
    [TestCase("$\"{dti}\"")]
    public void ExpressionErrors_NeverShowTheCompilersInternalNames(string expression)
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["value"] = expression);

        var errors = Load(text).Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).ToList();

        Assert.That(errors, Is.Not.Empty);
        foreach (var error in errors)
        {
            Assert.That(error.Message, Does.Not.Match(@"[A-Z][a-z]+[A-Z][A-Za-z]*(Expression|Syntax|Statement|Clause|Literal|Type)\b"), error.ToString());
            Assert.That(error.Message, Does.Not.Contain("Cấu trúc C#"));
        }
    }

    [Test]
    public void ACallOnAParenthesizedExpression_SaysAnOperatorIsMissing()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["value"] = "(dti + 1)(2)");

        var d = Single(Load(text), DiagnosticCodes.ExpressionInvalid);

        Assert.That(d.Message, Does.Contain("không phải tên hàm").And.Contain("'*'").And.Not.Contain("ParenthesizedExpression"));
    }
}
