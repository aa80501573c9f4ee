using Newtonsoft.Json.Linq;
using Scoring.Rules.Versions;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Versions;

public sealed class CanonicalJsonTests
{
    [Test]
    public void Canonical_SortsKeysDropsSchemaAndWhitespace()
    {
        const string json = """
            { "$schema": "x.json", "b": [3, 1, {"z": 1, "a": null}], "a": { "y": true, "x": false } }
            """;

        Assert.That(CanonicalJson.FromText(json), Is.EqualTo("""{"a":{"x":false,"y":true},"b":[3,1,{"a":null,"z":1}]}"""));
    }

    [TestCase("1.50", "1.5")]
    [TestCase("2.0", "2")]
    [TestCase("100", "100")]
    [TestCase("1e2", "100")]
    [TestCase("-0.0", "0")]
    [TestCase("0.000", "0")]
    [TestCase("-12.340", "-12.34")]
    [TestCase("123456789012345678901234567890", "123456789012345678901234567890")]
    public void Numbers_AreNormalised(string number, string canonical)
    {
        Assert.That(CanonicalJson.FromText($"{{\"n\":{number}}}"), Is.EqualTo($"{{\"n\":{canonical}}}"));
    }

    [Test]
    public void Strings_UseMinimalEscaping()
    {
        const string json = "{\"s\": \"Xã \\u0110ăk \\\"A\\\" \\\\ \\/ \\t\\u0001\"}";

        Assert.That(CanonicalJson.FromText(json), Is.EqualTo("{\"s\":\"Xã Đăk \\\"A\\\" \\\\ / \\t\\u0001\"}"));
    }

    [Test]
    public void Schema_IsDroppedOnlyAtTheRoot()
    {
        Assert.That(CanonicalJson.FromText("""{"a":{"$schema":1}}"""), Is.EqualTo("""{"a":{"$schema":1}}"""));
    }

    [Test]
    public void Hash_IsLowercaseSha256OfUtf8()
    {
        // SHA-256 of the three bytes "abc".
        Assert.That(RuleSetHasher.Sha256("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void ReformattingAndReorderingKeys_KeepTheHash()
    {
        var original = Load(Minimal).Document!.Identity.Sha256;
        var root = JObject.Parse(Minimal);
        var reordered = new JObject(root.Properties().Reverse());
        reordered["$schema"] = "../schema/rule-set.v1.schema.json";
        var text = reordered.ToString(Newtonsoft.Json.Formatting.None).Replace("\"maxPoints\":30", "\"maxPoints\":30.00", StringComparison.Ordinal);

        var result = Load(text);

        Assert.That(text, Does.Contain("30.00"));
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Document!.Identity.Sha256, Is.EqualTo(original));
    }

    [Test]
    public void ChangingAPoint_ChangesTheHash()
    {
        var original = Load(Minimal).Document!.Identity.Sha256;
        var text = Minimal.Replace("{ \"atLeast\": 0.5, \"points\": 20 }", "{ \"atLeast\": 0.5, \"points\": 19 }, { \"atLeast\": 0.4, \"points\": 20 }", StringComparison.Ordinal);

        var changed = Load(text);

        Assert.That(changed.Document, Is.Not.Null, () => string.Join("\n", changed.Diagnostics));
        Assert.That(changed.Document!.Identity.Sha256, Is.Not.EqualTo(original));
    }

    [Test]
    public void ChangingATitle_ChangesTheHash()
    {
        var original = Load(Minimal).Document!.Identity.Sha256;

        var changed = Load(Minimal.Replace("Tối thiểu", "Tối thiểu 2", StringComparison.Ordinal)).Document!.Identity.Sha256;

        Assert.That(changed, Is.Not.EqualTo(original));
    }
}
