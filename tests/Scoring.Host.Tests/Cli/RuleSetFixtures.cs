using Scoring.Rules.Loading;

namespace Scoring.Host.Tests.Cli;

/// <summary>Variants of the example rule set written into a test's temporary folder.</summary>
internal static class RuleSetFixtures
{
    public static string ExampleText => File.ReadAllText(TestPaths.ExampleRuleSet);

    public static RuleSetDocument Load(string path)
    {
        var result = RuleSetLoader.LoadFile(path);
        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Diagnostics));
        return result.Document!;
    }

    /// <summary>Three errors: an unknown indicator, an unknown method and a string where a number belongs.</summary>
    public static string Broken() => ExampleText
        .Replace("\"method\": \"bands\", \"value\": \"dti\"", "\"method\": \"bands\", \"value\": \"dtiX\"", StringComparison.Ordinal)
        .Replace("\"method\": \"check\"", "\"method\": \"checkk\"", StringComparison.Ordinal)
        .Replace("\"minTotal\": 75", "\"minTotal\": \"cao\"", StringComparison.Ordinal);

    /// <summary>Version 1.1.0 with a bonus criterion T.2: 10 points when every staff member completed the course.</summary>
    public static string WithAddedBonus() => ExampleText
        .Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal)
        .Replace(
            "\"pointsEach\": 2 }",
            "\"pointsEach\": 2 },\n      { \"id\": \"T.2\", \"title\": \"Toàn bộ cán bộ hoàn thành Bình dân học vụ số\", \"clause\": \"KH ví dụ, mục V.3\", \"maxPoints\": 10, \"method\": \"check\", \"condition\": \"staffTrained >= staffTotal\" }",
            StringComparison.Ordinal);

    /// <summary>The example as another rule set (new id) for other unit kinds.</summary>
    public static string ForKinds(string id, string version, params string[] kinds) => ExampleText
        .Replace("\"id\": \"vi-du.day-du\"", $"\"id\": \"{id}\"", StringComparison.Ordinal)
        .Replace("\"version\": \"1.0.0\"", $"\"version\": \"{version}\"", StringComparison.Ordinal)
        .Replace("\"unitKinds\": [\"locality\"]", $"\"unitKinds\": [{string.Join(", ", kinds.Select(k => $"\"{k}\""))}]", StringComparison.Ordinal);

    /// <summary>The example whose test case expects only the given criterion points (e.g. "\"I.1\": 20").</summary>
    public static string WithExpectations(string criteria)
    {
        var text = ExampleText;
        var start = text.IndexOf("\"expect\": {", StringComparison.Ordinal);
        var end = text.IndexOf("\"grade\": \"tot\"", start, StringComparison.Ordinal);
        end = text.IndexOf('}', end) + 1;
        return text[..start] + $"\"expect\": {{ \"criteria\": {{ {criteria} }} }}" + text[end..];
    }

    public static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
