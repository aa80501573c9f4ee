using Scoring.Rules.Loading;

namespace Scoring.Rules.Tests.Loading;

public sealed class JsonSourceMapTests
{
    private const string Text = "{\n  \"a\": { \"b\": [1, \"x\"] },\r\n  'c.d': \"\\u0041\\\"Z\",\n  \"e\":\ttrue\n}";

    [TestCase("$", 1, 1)]
    [TestCase("$.a", 2, 8)]
    [TestCase("$.a.b", 2, 15)]
    [TestCase("$.a.b[0]", 2, 16)]
    [TestCase("$.a.b[1]", 2, 19)]
    [TestCase("$['c.d']", 3, 10)]
    [TestCase("$.e", 4, 8)]
    public void Locate_GivesTheStartOfEachValue(string path, int line, int column)
    {
        Assert.That(JsonSourceMap.Build(Text).Locate(path), Is.EqualTo(new SourcePosition(line, column)));
    }

    [Test]
    public void LocateName_GivesTheOpeningQuoteOfTheProperty()
    {
        var map = JsonSourceMap.Build(Text);

        Assert.That(map.LocateName("$.a.b"), Is.EqualTo(new SourcePosition(2, 10)));
        Assert.That(map.LocateName("$['c.d']"), Is.EqualTo(new SourcePosition(3, 3)));
    }

    [Test]
    public void Locate_MissingPath_FallsBackToTheEnclosingValue()
    {
        Assert.That(JsonSourceMap.Build(Text).Locate("$.a.missing"), Is.EqualTo(new SourcePosition(2, 8)));
    }

    [Test]
    public void LocateInString_FollowsEscapes()
    {
        var map = JsonSourceMap.Build(Text);

        // The decoded string is A"Z: 'A' is 6 raw characters, '"' two.
        Assert.That(map.LocateInString("$['c.d']", 0), Is.EqualTo(new SourcePosition(3, 11)));
        Assert.That(map.LocateInString("$['c.d']", 1), Is.EqualTo(new SourcePosition(3, 17)));
        Assert.That(map.LocateInString("$['c.d']", 2), Is.EqualTo(new SourcePosition(3, 19)));
        Assert.That(map.IsString("$['c.d']"), Is.True);
        Assert.That(map.IsString("$.e"), Is.False);
    }

    [Test]
    public void Build_StopsQuietlyAtASyntaxError()
    {
        var map = JsonSourceMap.Build("{ \"a\": 1, \"b\": }");

        Assert.That(map.Locate("$.a"), Is.EqualTo(new SourcePosition(1, 8)));
    }
}
