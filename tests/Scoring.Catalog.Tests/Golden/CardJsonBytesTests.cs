using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime.Text;
using Scoring.Catalog.Tests.Samples;
using Scoring.Engine.Results;

namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// The bytes of every sample unit's card as System.Text.Json writes it, with the options the service stores cards with
/// (web defaults, every Unicode range unescaped): pinned per tenant and year, so a change of how a card's values and dates
/// are written (the NodaTime converters, for one) cannot change a stored or published card unnoticed. The hashes were
/// taken with the hand-written date converter that NodaTime.Serialization.SystemTextJson replaced.
/// </summary>
[TestFixture]
public sealed class CardJsonBytesTests
{
    private static readonly JsonSerializerOptions CardText = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly Dictionary<string, string> Pinned = new(StringComparer.Ordinal)
    {
        ["gia-lai 2025"] = "abbbe62099dc500226bb1c2ba351e5aa03e4cc2dd92325f1d9f17afdbbb9dbd3",
        ["gia-lai 2026"] = "38be9e7c9c39883d3579e8f0d73a730ae8b35d6f551dad4fd22aa9c2e26f2164",
        ["lai-chau 2025"] = "da48597a1645870bdea9ee0e15786fe013e96d10ff972ac5d14651fc962e74ba",
        ["lai-chau 2026"] = "38efec2cca4e1f8a549c552817ad6cee5f1563530a14696d743483530a7ccc6d",
        ["son-la 2025"] = "c7ebdf91def904537fa1e7204eb81df2cebe319f2d95f82775635e1ebe062437",
        ["son-la 2026"] = "9d3a0b006a35ac30c49ec5d144e41777c95336cc52086ae9f4c337fd357f8679",
        ["ia-bang 2025"] = "8acba3e9391c6e3605f495ef14a60f8057d85ad52888b53b2d294ec916fede31",
        ["ia-bang 2026"] = "53fc474a9db21fb071ed477310e036770ba03278fd3020bfbce0cb1a03031a6c",
    };

    private static IEnumerable<TestCaseData> Cases() =>
        Pinned.Keys.Select(k => new TestCaseData(k.Split(' ')[0], int.Parse(k.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).SetName($"Cards_{k.Replace(' ', '_')}"));

    [TestCaseSource(nameof(Cases))]
    public void EveryCard_KeepsItsBytes(string tenant, int year)
    {
        var loaded = SampleLoader.Load(tenant);
        var pipeline = new ScoringPipeline().Run(loaded.RuleSets, loaded.Dataset.Input, year);
        var cards = pipeline.Runs.SelectMany(r => r.Result.Groups).SelectMany(g => g.Ranking)
            .Select(u => JsonSerializer.Serialize(u, CardText)).ToList();

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", cards))));

        Assert.That(cards, Is.Not.Empty);
        Assert.That(sha, Is.EqualTo(Pinned[$"{tenant} {year}"]), $"{cards.Count} cards of {tenant} {year}");
        foreach (var card in cards.Take(20))
        {
            Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<UnitScore>(card, CardText), CardText), Is.EqualTo(card), "a card reads back to the same bytes");
        }
    }

    /// <summary>A deadline criterion's dates are ISO text ("2025-11-12"), read back as the same dates.</summary>
    [Test]
    public void DeadlineDates_AreIsoText()
    {
        var loaded = SampleLoader.Load("son-la");
        var pipeline = new ScoringPipeline().Run(loaded.RuleSets, loaded.Dataset.Input, 2025);
        var explained = pipeline.Runs.SelectMany(r => r.Result.Groups).SelectMany(g => g.Ranking)
            .SelectMany(u => u.Sections.SelectMany(s => s.Criteria)).Select(c => c.Explanation).Where(e => e.Due is not null).ToList();

        Assert.That(explained, Is.Not.Empty, "the son-la samples have deadline criteria");
        var explanation = explained.First(e => e.Submitted is not null);
        var json = JsonSerializer.Serialize(explanation, CardText);
        Assert.That(json, Does.Contain($"\"submitted\":\"{LocalDatePattern.Iso.Format(explanation.Submitted!.Value)}\"")
            .And.Contain($"\"due\":\"{LocalDatePattern.Iso.Format(explanation.Due!.Value)}\""));
        var read = JsonSerializer.Deserialize<CriterionExplanation>(json, CardText)!;
        Assert.That((read.Submitted, read.Due), Is.EqualTo((explanation.Submitted, explanation.Due)));
    }
}
