using System.Net;
using System.Text.RegularExpressions;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// One POST form of a rendered page, as a browser would send it: its action (the page itself when none), whether it is
/// multipart (and its file inputs), and its fields with the values the page filled in (the antiforgery token among them).
/// </summary>
internal sealed partial record PageForm(string Action, bool Multipart, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<string> Files)
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The POST forms of <paramref name="html"/>, rendered at <paramref name="page"/>.</summary>
    public static IReadOnlyList<PageForm> Read(string html, string page)
    {
        var forms = new List<PageForm>();
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups["attributes"].Value;
            if (!string.Equals(Attribute(attributes, "method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = Attribute(attributes, "action") is { Length: > 0 } given ? given : page;
            var multipart = string.Equals(Attribute(attributes, "enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var fields = new List<KeyValuePair<string, string>>();
            var files = new List<string>();
            var body = form.Groups["body"].Value;
            foreach (Match input in InputElement().Matches(body))
            {
                var a = input.Groups["attributes"].Value;
                if (Attribute(a, "name") is not { Length: > 0 } name)
                {
                    continue;
                }

                var type = Attribute(a, "type")?.ToLowerInvariant() ?? "text";
                if (type == "file")
                {
                    files.Add(name);
                }
                else if (type is not ("checkbox" or "radio" or "submit" or "button") || a.Contains("checked", StringComparison.Ordinal))
                {
                    fields.Add(new(name, Attribute(a, "value") ?? string.Empty));
                }
            }

            foreach (Match select in SelectElement().Matches(body))
            {
                if (Attribute(select.Groups["attributes"].Value, "name") is { Length: > 0 } name)
                {
                    var option = OptionValue().Match(select.Groups["body"].Value);
                    fields.Add(new(name, option.Success ? WebUtility.HtmlDecode(option.Groups["value"].Value) : string.Empty));
                }
            }

            foreach (Match area in TextAreaElement().Matches(body))
            {
                if (Attribute(area.Groups["attributes"].Value, "name") is { Length: > 0 } name)
                {
                    fields.Add(new(name, WebUtility.HtmlDecode(area.Groups["body"].Value)));
                }
            }

            foreach (Match button in ButtonElement().Matches(body))
            {
                var a = button.Groups["attributes"].Value;
                if (Attribute(a, "name") is { Length: > 0 } name)
                {
                    fields.Add(new(name, Attribute(a, "value") ?? string.Empty));
                }
            }

            forms.Add(new PageForm(action, multipart, fields, files));
        }

        return forms;
    }

    /// <summary>A short name for failure messages: the action and the field names.</summary>
    public string Describe() => $"{Action} [{string.Join(", ", Fields.Select(f => f.Key).Where(k => k != TokenField).Distinct())}]";

    private static string? Attribute(string attributes, string name) =>
        AttributePattern().Matches(attributes).FirstOrDefault(m => string.Equals(m.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase)) is { } m
            ? WebUtility.HtmlDecode(m.Groups["value"].Success ? m.Groups["value"].Value : m.Groups["bare"].Value)
            : null;

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex(@"<input\b(?<attributes>[^>]*)/?>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputElement();

    [GeneratedRegex(@"<select\b(?<attributes>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectElement();

    [GeneratedRegex(@"<option\b[^>]*?\bvalue=""(?<value>[^""]*)""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();

    [GeneratedRegex(@"<textarea\b(?<attributes>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaElement();

    [GeneratedRegex(@"<button\b(?<attributes>[^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ButtonElement();

    [GeneratedRegex(@"(?<name>[\w:-]+)(?:\s*=\s*(?:""(?<value>[^""]*)""|(?<bare>[^\s>""]+)))?", RegexOptions.Singleline)]
    private static partial Regex AttributePattern();
}
