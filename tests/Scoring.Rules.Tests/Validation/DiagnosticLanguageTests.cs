using System.Collections.Immutable;
using System.Reflection;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

/// <summary>
/// Every diagnostic code is triggered by at least one rule set below, and every message and fix that comes out is
/// Vietnamese. A new code without a fixture here fails <see cref="EveryCode_HasAFixture"/>.
/// </summary>
public sealed class DiagnosticLanguageTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "rules-language-" + Guid.NewGuid().ToString("N"));

    private static readonly ImmutableDictionary<string, Func<IEnumerable<Diagnostic>>[]> Fixtures = new Dictionary<string, Func<IEnumerable<Diagnostic>>[]>
    {
        [DiagnosticCodes.InvalidJson] = [Text("{ \"format\": 1 \"id\": 2 }"), Text(Minimal + "\n}"), Text(""), Text("{ \"format\": 1, \"id\": \"x"), Text("{ \"a\" 1 }"), Text("{ \"format\": tru }"), Text("{ \"format\": 1, \"id\": \"x\\q\" }"), Text("{ \"format\": 1")],
        [DiagnosticCodes.DuplicateJsonProperty] = [Text("{ \"format\": 1, \"format\": 1 }")],
        [DiagnosticCodes.FileUnreadable] = [() => RuleSetLoader.LoadFile("/no/such/folder/x.rules.json").Diagnostics, () => RuleSetLoader.LoadFolder("/no/such/folder").Diagnostics],
        [DiagnosticCodes.RootNotObject] = [Text("[1, 2]")],
        [DiagnosticCodes.FileTooLarge] = [() => RuleSetLoader.LoadBytes(new byte[RuleSetLoader.MaxBytes + 1], "big.rules.json").Diagnostics],
        [DiagnosticCodes.NotUtf8] = [() => RuleSetLoader.LoadBytes([(byte)'{', (byte)'"', 0xE3, (byte)'"', (byte)'}'], "x.rules.json").Diagnostics],
        [DiagnosticCodes.NestedTooDeep] = [Text(new string('[', 100) + new string(']', 100))],
        [DiagnosticCodes.UnknownProperty] = [Edited(r => r["titel"] = "x"), Edited(r => r["zzzzzzzz"] = 1)],
        [DiagnosticCodes.WrongType] = [Edited(r => r["sections"]![0]!["maxPoints"] = "30"), Edited(r => r["precision"] = 1.5), Edited(r => r["grades"] = 1),
            Edited(r => r["unitKinds"] = new JArray(1)), Edited(r => r["indicators"]![0]!["evidence"] = "yes"), Edited(r => r["indicators"]![0]!["default"] = "abc")],
        [DiagnosticCodes.MissingProperty] = [Edited(r => r.Remove("title")), Edited(r => r["tenant"] = " "), Edited(r => ((JObject)r["sections"]![0]!["criteria"]![1]!).Remove("title"))],
        [DiagnosticCodes.InvalidEnumValue] = [Edited(r => r["indicators"]![0]!["type"] = "numbr"), Edited(r => r["sections"]![0]!["criteria"]![1]!["method"] = "checkk")],
        [DiagnosticCodes.InvalidFormat] = [Edited(r => r["id"] = "Bad Id"), Edited(r => r["version"] = "1.0"), Edited(r => r["indicators"]![3]!["id"] = "total"),
            Edited(r => r["indicators"]![3]!["id"] = "so-luong"), Edited(r => r["bonus"]!["criteria"]![0]!["due"] = "31/12")],
        [DiagnosticCodes.UnsupportedFormat] = [Edited(r => r["format"] = 2)],
        [DiagnosticCodes.OutOfRange] = [Edited(r => r["precision"] = 9), Text(Minimal.Replace("\"maxPoints\": 30", "\"maxPoints\": 123456789012345678901234567890123", StringComparison.Ordinal))],
        [DiagnosticCodes.PropertyNotForMethod] = [Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "check", "condition": "done", "pointsEach": 1 }""")],
        [DiagnosticCodes.DuplicateId] = [Edited(r => r["indicators"]![1]!["id"] = "dti"), Edited(r => r["grades"]![1]!["id"] = "good"),
            Edited(r => r["sections"]![0]!["criteria"]![1]!["id"] = "A.1"), Edited(r => r["tests"] = JArray.Parse("""[{ "name": "x", "year": 2025, "values": {} }, { "name": "x", "year": 2025, "values": {} }]""")),
            Edited(r => r["awards"] = JArray.Parse("""[{ "id": "k", "title": "K", "precedence": 1 }, { "id": "k", "title": "K", "precedence": 2 }]""")),
            Edited(r => r["sections"] = JArray.Parse("""[{ "id": "A", "title": "A", "maxPoints": 5, "criteria": [{ "id": "A.1", "title": "t", "maxPoints": 5, "method": "check", "condition": "done" }] }, { "id": "A", "title": "B", "maxPoints": 5, "criteria": [{ "id": "B.1", "title": "t", "maxPoints": 5, "method": "bands", "value": "dti", "bands": [{ "points": 0 }] }] }]"""))],
        [DiagnosticCodes.ExpressionInvalid] = Formulas("Math.Pow(2, 3)", "dti +", "(dti + 1", "1 + \"x\"", "max(dti, 1)", "Foo(1)", "Min(1)", "dti.Value", "dti ?? 1 + (1 ?? 2)",
            "Round(dti, 99)", "Clamp(dti, 5, 1)", "0x10", "1e400", "0.5f", "dti # 1", "dti b", "dti > = 1", "(int)dti", "dti & 1", "Min(a: 1, 2)", "-done", "done ? 1 : done", "a = 1", "dti c * 2", "", "dti == null ? 0 : 1", "(dti + 1)(2)", "dti + (1 2)"),
        [DiagnosticCodes.UnknownIdentifier] = [Edited(r => r["sections"]![0]!["criteria"]![0]!["value"] = "dtii"), Edited(r => r["sections"]![0]!["criteria"]![0]!["value"] = "dtі"), Edited(r => r["bonus"]!["criteria"]![0]!["date"] = "reportOm")],
        [DiagnosticCodes.DateInExpression] = [Edited(r => r["sections"]![0]!["criteria"]![0]!["value"] = "reportOn + 1")],
        [DiagnosticCodes.DeadlineNotDate] = [Edited(r => r["bonus"]!["criteria"]![0]!["date"] = "dti")],
        [DiagnosticCodes.ExpressionWrongKind] = [Edited(r => r["sections"]![0]!["criteria"]![0]!["value"] = "done"), Edited(r => r["sections"]![0]!["criteria"]![1]!["condition"] = "dti")],
        [DiagnosticCodes.SectionSumMismatch] = [Edited(r => r["sections"]![0]!["maxPoints"] = 25)],
        [DiagnosticCodes.AdjustmentCap] = [Edited(r => r["bonus"]!["cap"] = 0),
            Edited(r => r["penalty"] = JObject.Parse("""{ "cap": -1, "criteria": [{ "id": "P.1", "title": "p", "maxPoints": 5, "method": "count", "value": "n", "pointsEach": 1 }] }"""))],
        [DiagnosticCodes.TotalLimits] = [Edited(r => r["total"] = JObject.Parse("""{ "min": 10, "max": 5 }""")), Edited(r => r["total"] = JObject.Parse("""{ "max": 10 }"""))],
        [DiagnosticCodes.CriterionMaxPoints] = [Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 0, "method": "check", "condition": "done" }""")],
        [DiagnosticCodes.BandsCatchAllMissing] = [Bands("""[{ "atLeast": 0.5, "points": 20 }]"""), Bands("[]")],
        [DiagnosticCodes.BandsAfterCatchAll] = [Bands("""[{ "points": 0 }, { "atLeast": 0.5, "points": 20 }]""")],
        [DiagnosticCodes.BandsRowCovered] = [Bands("""[{ "atLeast": 0.5, "points": 20 }, { "atLeast": 0.6, "atMost": 0.9, "points": 10 }, { "points": 0 }]""")],
        [DiagnosticCodes.BandsOverlap] = [Bands("""[{ "atLeast": 0.5, "atMost": 0.8, "points": 20 }, { "atLeast": 0.7, "atMost": 0.9, "points": 10 }, { "points": 0 }]""")],
        [DiagnosticCodes.BandsGap] = [Bands("""[{ "atLeast": 0.8, "points": 20 }, { "atLeast": 0.5, "below": 0.65, "points": 10 }, { "points": 0 }]""")],
        [DiagnosticCodes.BandsEmptyRow] = [Bands("""[{ "atLeast": 0.8, "below": 0.5, "points": 10 }, { "points": 0 }]""")],
        [DiagnosticCodes.BandsPoints] = [Bands("""[{ "atLeast": 0.5, "points": 25 }, { "points": 0 }]""")],
        [DiagnosticCodes.BandsConflictingBounds] = [Bands("""[{ "atLeast": 0.5, "above": 0.4, "points": 10 }, { "points": 0 }]"""), Bands("""[{ "atMost": 0.5, "below": 0.4, "points": 10 }, { "points": 0 }]""")],
        [DiagnosticCodes.TargetNotPositive] = [Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "target", "value": "dti", "target": 0 }"""),
            Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "relative", "value": "dti", "target": -1 }""")],
        [DiagnosticCodes.RankPoints] = [Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 10, "method": "rank", "value": "dti", "points": [] }"""),
            Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 10, "method": "rank", "value": "dti", "points": [8, 9, 12], "otherwise": 20 }""")],
        [DiagnosticCodes.CountPointsEach] = [Criterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "count", "value": "n", "pointsEach": 0 }""")],
        [DiagnosticCodes.DeadlineSettings] = [Edited(r => r["bonus"]!["criteria"]![0]!["deduct"] = -1), Edited(r => r["bonus"]!["criteria"]![0]!["floor"] = 10)],
        [DiagnosticCodes.CheckPoints] = [Edited(r => r["sections"]![0]!["criteria"]![1]!["points"] = 20)],
        [DiagnosticCodes.GradesMissing] = [Edited(r => r["grades"] = new JArray())],
        [DiagnosticCodes.GradesCatchAll] = [Edited(r => r["grades"] = JArray.Parse("""[{ "id": "other", "title": "Khác" }, { "id": "good", "title": "Tốt", "minTotal": 20 }]"""))],
        [DiagnosticCodes.GradesOrder] = [Edited(r => r["grades"]![0]!["minTotal"] = 100),
            Edited(r => r["grades"] = JArray.Parse("""[{ "id": "a", "title": "A", "minTotal": 10 }, { "id": "b", "title": "B", "minTotal": 20 }, { "id": "o", "title": "O" }]""")),
            Edited(r => r["grades"] = JArray.Parse("""[{ "id": "a", "title": "A", "minTotal": 10, "condition": "done" }, { "id": "b", "title": "B", "minTotal": 20 }, { "id": "o", "title": "O" }]"""))],
        [DiagnosticCodes.TieBreakerRef] = [Edited(r => r["tieBreakers"] = JArray.Parse("""[{ "by": "indicator", "ref": "reportOn" }]""")),
            Edited(r => r["tieBreakers"] = JArray.Parse("""[{ "by": "bonus", "ref": "x" }]""")), Edited(r => r["tieBreakers"] = JArray.Parse("""[{ "by": "section", "ref": "B" }]"""))],
        [DiagnosticCodes.AwardPrecedence] = [Awards("""{ "id": "k", "title": "K", "precedence": 1 }, { "id": "m", "title": "M", "precedence": 1 }""")],
        [DiagnosticCodes.AwardGrade] = [Awards("""{ "id": "k", "title": "K", "precedence": 1, "grades": ["goood"] }"""),
            Awards("""{ "id": "k", "title": "K", "precedence": 1, "prerequisites": [{ "kind": "gradeInPreviousYears", "grades": ["nope"] }] }""")],
        [DiagnosticCodes.AwardPrerequisite] = [Awards("""{ "id": "k", "title": "K", "precedence": 1, "prerequisites": [{ "kind": "qualifiesFor", "award": "x" }] }"""),
            Awards("""{ "id": "k", "title": "K", "precedence": 1, "prerequisites": [{ "kind": "qualifiesFor", "award": "k" }] }"""),
            Awards("""{ "id": "k", "title": "K", "precedence": 1, "prerequisites": [{ "kind": "gradeInPreviousYears", "years": 0 }] }""")],
        [DiagnosticCodes.AwardShareOf] = [Awards("""{ "id": "k", "title": "K", "precedence": 1, "quota": { "shareOf": "grop" } }""")],
        [DiagnosticCodes.AwardMaxShare] = [Awards("""{ "id": "k", "title": "K", "precedence": 1, "quota": { "maxShare": 2 } }""")],
        [DiagnosticCodes.AwardYears] = [Awards("""{ "id": "k", "title": "K", "precedence": 1, "years": [2040] }""")],
        [DiagnosticCodes.PhaseYears] = [Phases("""{ "id": "p", "title": "P", "years": { "from": 2027, "to": 2025 }, "measures": [{ "id": "m", "title": "M", "method": "meanTotal" }], "rankBy": ["m"] }"""),
            Phases("""{ "id": "p", "title": "P", "years": { "from": 2040, "to": 2042 }, "minYears": 5, "measures": [{ "id": "m", "title": "M", "method": "meanTotal" }], "rankBy": ["m"] }""")],
        [DiagnosticCodes.PhaseMeasure] = [Phases("""{ "id": "p", "title": "P", "years": { "from": 2025, "to": 2026 }, "measures": [{ "id": "rank", "title": "M", "method": "yearsAtGrade", "grade": "goood" }, { "id": "s", "title": "S", "method": "sum", "indicator": "dtii", "grade": "good" }], "rankBy": ["s"] }""")],
        [DiagnosticCodes.PhaseRankBy] = [Phases("""{ "id": "p", "title": "P", "years": { "from": 2025, "to": 2026 }, "measures": [{ "id": "m", "title": "M", "method": "sum", "indicator": "dti" }], "rankBy": ["mm"], "gradeBy": "m" }"""),
            Phases("""{ "id": "p", "title": "P", "years": { "from": 2025, "to": 2026 }, "measures": [{ "id": "m", "title": "M", "method": "meanTotal" }], "rankBy": [] }""")],
        [DiagnosticCodes.PhaseAward] = [Phases("""{ "id": "p", "title": "P", "years": { "from": 2025, "to": 2026 }, "measures": [{ "id": "m", "title": "M", "method": "meanTotal" }], "rankBy": ["m"], "awards": [{ "id": "k", "title": "K", "precedence": 1, "years": [2026], "grades": ["good"], "minTotal": 90 }] }""")],
        [DiagnosticCodes.AwardQuota] = [Awards("""{ "id": "k", "title": "K", "precedence": 1, "maxRank": 0, "quota": { "perGroup": 0, "perTenant": 0 } }""")],
        [DiagnosticCodes.TestUnknownReference] = [Tests("""{ "name": "x", "year": 2025, "values": { "dtj": 1 }, "expect": { "criteria": { "A.9": 1 } } }""")],
        [DiagnosticCodes.TestValueType] = [Tests("""{ "name": "x", "year": 2025, "values": { "dti": true, "n": 1.5, "done": 1, "reportOn": 5 } }""")],
        [DiagnosticCodes.TestValueRange] = [Tests("""{ "name": "x", "year": 2025, "values": { "dti": 2 }, "expect": { "criteria": { "A.1": 50 }, "total": 999 } }"""),
            Tests("""{ "name": "x", "year": 2025, "values": { "dti": -1 } }""")],
        [DiagnosticCodes.TestYear] = [Tests("""{ "name": "x", "year": 2040, "values": {} }""")],
        [DiagnosticCodes.TestGrade] = [Tests("""{ "name": "x", "year": 2025, "values": {}, "expect": { "grade": "nope" } }""")],
        [DiagnosticCodes.TestPeer] = [Tests("""{ "name": "x", "year": 2025, "values": {}, "peers": [{ "code": "B", "values": {} }, { "code": "B", "values": { "dti": 3 } }] }""")],
        [DiagnosticCodes.IndicatorRange] = [Edited(r => r["indicators"]![0]!["min"] = 2), Edited(r => r["indicators"]![1]!["max"] = 1)],
        [DiagnosticCodes.IndicatorDefault] = [Edited(r => r["indicators"]![0]!["default"] = true), Edited(r => r["indicators"]![0]!["default"] = 2),
            Edited(r => r["indicators"]![3]!["default"] = 1.5), Edited(r => r["indicators"]![3]!["default"] = -1)],
        [DiagnosticCodes.YearRange] = [Edited(r => r["years"] = JObject.Parse("""{ "from": 2030, "to": 2025 }"""))],
        [DiagnosticCodes.UnitKindsEmpty] = [Edited(r => r["unitKinds"] = new JArray())],
        [DiagnosticCodes.IndicatorUnused] = [Edited(r => ((JArray)r["indicators"]!).Add(JObject.Parse("""{ "id": "spare", "type": "number", "title": "Dư" }""")))],
        [DiagnosticCodes.PublishedVersionChanged] = [InFolder(Minimal, Minimal.Replace("Tối thiểu", "Đã sửa", StringComparison.Ordinal))],
        [DiagnosticCodes.DuplicateFile] = [InFolder(Minimal, Minimal)],
    }.ToImmutableDictionary();

    private static IEnumerable<string> AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    [Test]
    public void EveryCode_HasAFixture()
    {
        Assert.That(AllCodes().Where(c => !Fixtures.ContainsKey(c)), Is.Empty, "codes without a fixture in this file");
    }

    [TestCaseSource(nameof(AllCodes))]
    public void EveryDiagnostic_OfTheCode_IsVietnamese(string code)
    {
        Assume.That(Fixtures.ContainsKey(code), "no fixture; EveryCode_HasAFixture reports it");
        var diagnostics = Fixtures[code].SelectMany(f => f()).ToList();

        Assert.That(diagnostics.Where(d => d.Code == code), Is.Not.Empty, () => $"no {code} among:\n{string.Join("\n", diagnostics)}");
        using (Assert.EnterMultipleScope())
        {
            // Every diagnostic the fixtures raise is checked, not only those of the code under test.
            foreach (var d in diagnostics)
            {
                Assert.That(VietnameseText.Problem(d.Message), Is.Null, $"{d.Code} message: {d.Message}");
                Assert.That(VietnameseText.Problem(d.Fix), Is.Null, $"{d.Code} fix: {d.Fix}");
                // The fixtures raise only known JSON and C# syntax errors: none may fall back to the general sentence.
                Assert.That(d.Message, Does.Not.Contain("cú pháp JSON sai ở vị trí này").And.Not.Contain("trình biên dịch C# báo mã"), d.Message);
            }
        }
    }

    private static Func<IEnumerable<Diagnostic>> Text(string text) => () => Load(text).Diagnostics;

    private static Func<IEnumerable<Diagnostic>> Edited(Action<JObject> edit) => Text(Edit(edit));

    private static Func<IEnumerable<Diagnostic>> Criterion(string json) => Text(WithCriterion(json));

    private static Func<IEnumerable<Diagnostic>> Bands(string rows) => Edited(r => r["sections"]![0]!["criteria"]![0]!["bands"] = JArray.Parse(rows));

    private static Func<IEnumerable<Diagnostic>> Awards(string awards) => Edited(r => r["awards"] = JArray.Parse($"[{awards}]"));

    private static Func<IEnumerable<Diagnostic>> Phases(string phase) => Edited(r => r["phases"] = JArray.Parse($"[{phase}]"));

    private static Func<IEnumerable<Diagnostic>> Tests(string test) => Edited(r => r["tests"] = JArray.Parse($"[{test}]"));

    /// <summary>One rule set per formula, each in an `expression` criterion.</summary>
    private static Func<IEnumerable<Diagnostic>>[] Formulas(params string[] formulas) =>
        [.. formulas.Select(f => Criterion(new JObject
        {
            ["id"] = "A.3", ["title"] = "t", ["maxPoints"] = 5, ["method"] = "expression", ["formula"] = f,
        }.ToString()))];

    private static Func<IEnumerable<Diagnostic>> InFolder(string first, string second) => () =>
    {
        var folder = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.rules.json"), first);
        File.WriteAllText(Path.Combine(folder, "b.rules.json"), second);
        return RuleSetLoader.LoadFolder(folder).Diagnostics;
    };
}
