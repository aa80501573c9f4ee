using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Loading;

public sealed class PhaseLoadingTests
{
    private const string Phase = """
        {
          "id": "2025-2027", "title": "Giai đoạn 1 (2025–2027), sơ kết năm 2027", "years": { "from": 2025, "to": 2027 },
          "measures": [
            { "id": "meanTotal", "title": "Điểm bình quân", "method": "meanTotal" },
            { "id": "yearsGood", "title": "Số năm tốt", "method": "yearsAtGrade", "grade": "good" },
            { "id": "dtiSum", "title": "Tổng DTI", "method": "sum", "indicator": "dti" }
          ],
          "rankBy": ["meanTotal", "yearsGood"], "gradeBy": "meanTotal", "minYears": 2,
          "awards": [
            { "id": "bk", "title": "Bằng khen sơ kết", "precedence": 20, "grades": ["good"], "minTotal": 25, "maxRank": 3,
              "eligibility": "yearsGood >= 2 && rank <= groupSize", "quota": { "perGroup": 1 },
              "prerequisites": [{ "kind": "yearsAtGrade", "grades": ["good"], "years": 2 }] }
          ]
        }
        """;

    [Test]
    public void AValidPhase_IsReadIntoTheModel_WithoutDiagnostics()
    {
        var result = Load(Edit(r => r["phases"] = JArray.Parse($"[{Phase}]")));

        Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        var phase = result.Document!.RuleSet.Phases.Single();
        Assert.That(phase.Id, Is.EqualTo("2025-2027"));
        Assert.That(phase.ReviewYear, Is.EqualTo(2027));
        Assert.That(phase.Measures.Select(m => m.Method), Is.EqualTo(new[] { PhaseMeasureMethod.MeanTotal, PhaseMeasureMethod.YearsAtGrade, PhaseMeasureMethod.Sum }));
        Assert.That(phase.RankBy, Is.EqualTo(new[] { "meanTotal", "yearsGood" }));
        Assert.That(phase.MinYears, Is.EqualTo(2));
        Assert.That(phase.Awards.Single().Prerequisites.Single().Kind, Is.EqualTo(PrerequisiteKind.YearsAtGrade));
    }

    [Test]
    public void APhaseAwardEligibility_ReadingAnIndicator_IsAnErrorAtItsPath()
    {
        var text = Edit(r => r["phases"] = JArray.Parse($"[{Phase.Replace("yearsGood >= 2", "dti >= 2", StringComparison.Ordinal)}]"));

        var d = Single(Load(text), DiagnosticCodes.ExpressionInvalid);
        Assert.That(d.JsonPath, Is.EqualTo("$.phases[0].awards[0].eligibility"));
        Assert.That(d.Fix, Does.Contain("meanTotal"));
    }

    [Test]
    public void YearsAtGrade_InAYearlyAward_IsRefused()
    {
        var text = Edit(r => r["awards"] = JArray.Parse("""[{ "id": "k", "title": "K", "precedence": 1, "prerequisites": [{ "kind": "yearsAtGrade", "grades": ["good"], "years": 2 }] }]"""));

        Assert.That(Single(Load(text), DiagnosticCodes.AwardPrerequisite).JsonPath, Is.EqualTo("$.awards[0].prerequisites[0].kind"));
    }
}
