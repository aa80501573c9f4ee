using System.Text.Json;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Cards;

/// <summary>
/// Cards stored before explanations became data ({id, title, points, maxPoints, values [{name, value as text}], outcome,
/// reason}) still read with System.Text.Json, as the host reads stored cards: the reason is kept as it was written and
/// rendered as it is. Cards the engine writes now do not change by a byte.
/// </summary>
public sealed class ProseCardTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // A card as the host stored it then (System.Text.Json, web defaults, the records of that time).
    private const string ProseCard = """
        {"code":"xa-a","name":"Xã Chiềng Cơi","group":"cum-1","rank":1,"tied":false,"total":13,"basePoints":13,"bonus":0,"penalty":0,
         "grade":"tot","gradeTitle":"Hoàn thành tốt",
         "sections":[{"id":"I","title":"Chuyển đổi số","points":13,"maxPoints":15,"criteria":[
           {"id":"I.1","title":"Tỷ lệ cán bộ được tập huấn","points":3,"maxPoints":5,
            "values":[{"name":"staffTrained","value":"53"},{"name":"staffTotal","value":"59"}],"outcome":"band:2",
            "reason":"«Ratio(staffTrained, staffTotal)» = 0,8983050847457627118644067797 thuộc mức «Từ 0,8» → 3/5 điểm"},
           {"id":"I.2","title":"Ban hành kế hoạch","points":10,"maxPoints":10,
            "values":[{"name":"planIssuedOn","value":"2025-07-20"},{"name":"dti","value":null}],"outcome":"on-time",
            "reason":"Nộp ngày 20/07/2025, đúng hạn"}]}],
         "bonusCriteria":[],"penaltyCriteria":[],"award":null,"notes":[]}
        """;

    [Test]
    public void AProseCard_Reads_WithItsReasonsAsWritten()
    {
        var card = JsonSerializer.Deserialize<UnitScore>(ProseCard, Web)!;
        var first = card.Sections[0].Criteria[0];
        var second = card.Sections[0].Criteria[1];

        Assert.That((card.Code, card.Total, card.Rank, card.GradeTitle), Is.EqualTo(("xa-a", 13m, 1, "Hoàn thành tốt")));
        Assert.That((first.Id, first.Points, first.MaxPoints, first.Outcome), Is.EqualTo(("I.1", 3m, 5m, "band:2")));
        Assert.That(ExplanationRenderer.Reason(first),
            Is.EqualTo("«Ratio(staffTrained, staffTotal)» = 0,8983050847457627118644067797 thuộc mức «Từ 0,8» → 3/5 điểm"));
        Assert.That(ExplanationRenderer.Explain(first), Is.EqualTo("«Ratio(staffTrained, staffTotal)» = 0,8983050847457627118644067797 thuộc mức «Từ 0,8»"));
        Assert.That(ExplanationRenderer.Reason(second), Is.EqualTo("Nộp ngày 20/07/2025, đúng hạn"), "a reason written without the points stays as it is");
        Assert.That(first.Values.Select(v => (v.Name, v.Value)), Is.EqualTo(new[] { ("staffTrained", (decimal?)53m), ("staffTotal", 59m) }));
        Assert.That(second.Values[0].Date, Is.EqualTo(new NodaTime.LocalDate(2025, 7, 20)));
        Assert.That(ExplanationRenderer.Value(second.Values[0]), Is.EqualTo("20/07/2025"));
        Assert.That(ExplanationRenderer.Value(second.Values[1]), Is.EqualTo("(chưa có)"));
    }

    [Test]
    public void ACardTheEngineWrites_RoundTrips_AndCarriesNoStoredReason()
    {
        var rules = Single(new BandsMethod("dti", [Band(20m, atLeast: 0.8m, label: "Từ 0,8 trở lên"), Band(0m, label: "Còn lại")]), 20m,
            Indicator("dti", title: "Chỉ số DTI"));
        var card = ScoreGroup(rules, Unit("A", ("dti", 0.812m))).Card("A");

        var json = JsonSerializer.Serialize(card, Web);
        var read = JsonSerializer.Deserialize<UnitScore>(json, Web)!;

        Assert.That(json, Does.Contain("\"explanation\":").And.Not.Contain("storedReason"), "new cards are written as before");
        Assert.That(JsonSerializer.Serialize(read, Web), Is.EqualTo(json), "read back and written again, byte for byte");
        Assert.That(ExplanationRenderer.Reason(read.Sections[0].Criteria[0]), Is.EqualTo("Chỉ số DTI = 0,812 thuộc mức «Từ 0,8 trở lên» → 20/20 điểm"));
    }
}
