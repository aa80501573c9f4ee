using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// FsCheck generators of requests that break an endpoint's well-formed one (<see cref="WalkTemplate"/>) the ways careless
/// and hostile clients do: malformed JSON, values of the wrong type, numbers no type holds, nesting far past any need,
/// odd Unicode, fields missing or added, whole bodies of another shape, bytes that are not UTF-8, wrong content types,
/// uploads with odd names, contents and multipart framing, and route or query values of the wrong form.
/// </summary>
internal static class GeneratedRequests
{
    private const string Hole = "__door_hole__";

    /// <summary>Raw JSON tokens put where a well-formed value was.</summary>
    private static readonly string[] OddTokens =
    [
        "\"abc\"", "0", "-1", "1.5", "true", "false", "null", "[]", "{}", "\"\"", "\"   \"",
        "1e400", "-1e400", "79228162514264337593543950336", "1" + new string('0', 400), "0.000000000000000000000000000000000001",
        "9223372036854775808", "-2147483649", "\"NaN\"", "\"Infinity\"", "\"1,000\"", "\"2025-13-45\"", "\"１２\"", "\"١٢\"",
        "\"\\ud800\"", "\"\\u0000\"", "\"\\u202Eexe.pdf\"", "\"xa\\u0301\"", "\"😀\"", "\"" + new string('x', 20_000) + "\"",
        "[null]", "[{}]", "[[1]]", "{\"unit\":null,\"role\":7}", "{\"a\":{\"b\":{\"c\":[]}}}",
    ];

    /// <summary>Strings a well-formed value may be replaced by, everywhere at once.</summary>
    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\ud800", "a\u200Bb", "\u202Etxt.exe", "Xa\u0301", "😀🇻🇳", "ѕоn-lа", new string('x', 5000), "<script>alert(1)</script>",
        "' OR 1=1 --", "%s%n%x", "../../etc/passwd", "\r\n", "1,000", "-0", "NaN", "true", "\uFEFF", "\uFFFF", "ǅ", "ﬁ",
    ];

    /// <summary>Field names added to a body.</summary>
    private static readonly string[] OddNames = ["", "values", "$type", "__proto__", "constructor", new string('k', 2000), "ＸＸ", "dtі", "\u0000", "members"];

    /// <summary>Route and query values of the wrong form (the client escapes them).</summary>
    private static readonly string[] OddRouteValues =
    [
        "abc", "-1", "0", "99999999999999999999", "2147483648", "-2147483649", "%00", "..", "../..", "a/b", new string('a', 300), "xã-ă", "'", "\"",
        "\n", "null", " ", "1.5", "١٢", "1e3", "０", "😀", "CON", "*", "?", "#",
    ];

    private static readonly string[] OddFileNames =
    [
        "", "a\"b.csv", "a\nb.csv", "a\r\nb.pdf", "../../x.csv", @"C:\Users\a\b.pdf", new string('a', 300) + ".csv", "tệp minh chứng.pdf",
        "CON", ".pdf", "A.PDF", "x.exe", "x.csv.exe", "\u202Efdp.exe", "nul\u0000l.csv", "😀.png", "x.xlsx", "x.docx",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "application/octet-stream", "*/*", "", "json",
    ];

    private static readonly string[] PartContentTypes =
        ["text/csv", "application/octet-stream", "application/pdf", "", "image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "x/y"];

    /// <summary>Requests for the endpoint of <paramref name="template"/>.</summary>
    public static Gen<GeneratedRequest> For(WalkTemplate template)
    {
        var bodies = template.Body.Kind == WalkBodyKind.Upload
            ? Gen.Frequency((4, Uploads(template.Body)), (1, JsonBodies(template.Body.Json)))
            : Gen.Frequency((6, JsonBodies(template.Body.Json)), (1, OtherTypes(template.Body.Json)));
        return from body in bodies
               from values in RouteValues(template)
               from query in Queries()
               select new GeneratedRequest($"{body.Label}{values.Label}{query.Label}", values.Values,
                   QueryString(template.Query, query.Text, body.Query), body.Bytes, body.ContentType);
    }

    private sealed record Body(string Label, byte[]? Bytes, string? ContentType, string Query = "");

    private static Gen<Body> JsonBodies(string json)
    {
        var paths = Paths(json);
        var cuts = Gen.Choose(0, Math.Max(0, json.Length - 1));
        var fields = paths.Where(p => p.Count > 0).ToList();
        return Gen.OneOf(
            cuts.Select(k => JsonBody($"JSON cắt ở ký tự {k}", json[..k])),
            Gen.Zip(cuts, Gen.Elements(",{}[]\":\\x'\u0000")).Select(p => JsonBody($"chèn «{p.Item2}» ở ký tự {p.Item1}", json.Insert(p.Item1, p.Item2.ToString()))),
            Gen.Zip(Gen.Elements(paths.ToArray()), Gen.Elements(OddTokens)).Select(p => JsonBody($"{Show(p.Item1)} = {Short(p.Item2)}", Replace(json, p.Item1, p.Item2))),
            fields.Count == 0 ? Gen.Constant(JsonBody("cả nội dung là «{}»", "{}")) : Gen.Elements(fields.ToArray()).Select(p => JsonBody($"bỏ {Show(p)}", Remove(json, p))),
            Gen.Zip(Gen.Elements(OddNames), Gen.Elements(OddTokens)).Select(p => JsonBody($"thêm trường «{Short(p.Item1)}»", AddField(json, p.Item1, p.Item2))),
            Gen.Zip(Gen.Elements(65, 200, 1000, 20_000), Gen.Elements('[', '{')).Select(p => JsonBody($"lồng {p.Item1} cấp {p.Item2}", Nest(json, p.Item1, p.Item2))),
            Gen.Elements("", "null", "[]", "\"x\"", "0", "{}", "true", "{\"values\":{}}", "\uFEFF{}", "{\"values\":null}", "[{\"values\":{}}]")
                .Select(text => JsonBody($"cả nội dung là «{text}»", text)),
            Gen.Elements(OddStrings).Select(s => JsonBody($"mọi chuỗi = «{Short(s)}»", ReplaceStrings(json, s))),
            Gen.Choose(0, Math.Max(0, json.Length - 1)).Select(k => new Body($"byte không phải UTF-8 ở ký tự {k}", NotUtf8(json, k), "application/json")));
    }

    private static Gen<Body> OtherTypes(string json) =>
        Gen.Elements(ContentTypes).Select(type => new Body($"Content-Type «{type}»", Encoding.UTF8.GetBytes(json), type.Length == 0 ? null : type));

    private static Gen<Body> Uploads(WalkBody template)
    {
        var file = template.File ?? [];
        var contents = Gen.OneOf(
            Gen.Constant(("tệp đúng", file)),
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => ("byte ngẫu nhiên", b)),
            Gen.Choose(0, Math.Max(0, file.Length - 1)).Select(k => ("tệp cắt ở byte " + k, file[..k])),
            Gen.Elements(OddStrings).Select(s => ("mọi ô = «" + Short(s) + "»", Encoding.UTF8.GetBytes(CsvCells(file, s)))),
            Gen.Elements(OddTokens).Select(t => ("thêm cột «" + Short(t) + "»", Encoding.UTF8.GetBytes(CsvExtraColumn(file, t)))),
            Gen.Choose(0, Math.Max(0, file.Length - 1)).Select(k => ("byte 0xFF ở " + k, (byte[])[.. file[..k], 0xFF, 0xC3, 0x28, .. file[k..]])),
            Gen.Constant(("UTF-16", Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(file)))),
            Gen.Constant(("%PDF rác", (byte[])[.. "%PDF-1.4\n"u8, .. file])),
            Gen.Constant(("zip không phải Office", Zip(("[Content_Types].xml", "<Types><bad"), ("a.txt", "xin chào")))),
            Gen.Constant(("PK rác", (byte[])[0x50, 0x4B, 0x03, 0x04, 1, 2, 3])),
            Gen.Constant(("tệp rỗng", Array.Empty<byte>())));
        var names = Gen.Frequency((2, Gen.Constant(template.FileName)), (3, Gen.Elements(OddFileNames)));
        var multipart = from content in contents
                        from name in names
                        from type in Gen.Elements(PartContentTypes)
                        from field in Gen.Elements("file", "file", "tep", "")
                        select new Body($"tải lên «{Short(name)}» ({content.Item1}, {type}, trường «{field}»)", Multipart(field, name, type, content.Item2),
                            "multipart/form-data; boundary=ranh-gioi");
        var raw = from content in contents
                  from name in names
                  select new Body($"nội dung thô, ?fileName=«{Short(name)}» ({content.Item1})", content.Item2, "application/octet-stream",
                      "&fileName=" + Uri.EscapeDataString(name));
        var framing = Gen.Elements(
            new Body("multipart không có ranh giới", Multipart("file", template.FileName, "text/csv", file), "multipart/form-data"),
            new Body("multipart ranh giới sai", Multipart("file", template.FileName, "text/csv", file), "multipart/form-data; boundary=khac"),
            new Body("multipart không kết thúc", Encoding.UTF8.GetBytes($"--ranh-gioi\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{template.FileName}\"\r\n\r\nabc"),
                "multipart/form-data; boundary=ranh-gioi"),
            new Body("multipart ranh giới quá dài", Multipart("file", template.FileName, "text/csv", file), "multipart/form-data; boundary=" + new string('b', 200)),
            new Body("multipart phần đầu hỏng", Encoding.UTF8.GetBytes("--ranh-gioi\r\nContent-Disposition: form-data; name=\"file\r\n\r\nabc\r\n--ranh-gioi--\r\n"),
                "multipart/form-data; boundary=ranh-gioi"));
        return Gen.Frequency((5, multipart), (2, raw), (1, framing));
    }

    private static Gen<(string Label, Dictionary<string, string> Values)> RouteValues(WalkTemplate template)
    {
        var same = Gen.Constant<(string Label, Dictionary<string, string> Values)>((string.Empty, new Dictionary<string, string>(template.Values, StringComparer.Ordinal)));
        if (template.Parameters.Count == 0)
        {
            return same;
        }

        var odd = from name in Gen.Elements(template.Parameters.ToArray())
                  from value in Gen.Elements(OddRouteValues)
                  select ($"; {{{name}}} = «{Short(value)}»", new Dictionary<string, string>(template.Values, StringComparer.Ordinal) { [name] = value });
        return Gen.Frequency((2, same), (1, odd));
    }

    private static Gen<(string Label, string Text)> Queries()
    {
        var odd = from name in Gen.Elements("tenant", "year", "from", "to", "version", "fileName", "indicator", "handler", "groups", "page")
                  from value in Gen.Elements(OddRouteValues)
                  select ($"; ?{name}=«{Short(value)}»", $"{name}={Uri.EscapeDataString(value)}");
        return Gen.Frequency((3, Gen.Constant((string.Empty, string.Empty))), (1, odd));
    }

    private static string QueryString(params string[] parts) =>
        parts.Select(p => p.TrimStart('?', '&')).Where(p => p.Length > 0).ToList() is { Count: > 0 } present ? "?" + string.Join('&', present) : string.Empty;

    private static Body JsonBody(string label, string text) => new(label, Encoding.UTF8.GetBytes(text), "application/json");

    /// <summary>Every path to a value of the document (the root is the empty path); just the root when it does not parse.</summary>
    private static List<List<object>> Paths(string json)
    {
        var paths = new List<List<object>> { new() };
        try
        {
            Collect(JsonNode.Parse(json), [], paths);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return paths;
    }

    private static void Collect(JsonNode? node, List<object> path, List<List<object>> paths)
    {
        if (paths.Count > 400)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var next = new List<object>(path) { key };
                    paths.Add(next);
                    Collect(child, next, paths);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var next = new List<object>(path) { i };
                    paths.Add(next);
                    Collect(a[i], next, paths);
                }

                break;
        }
    }

    private static string Replace(string json, List<object> path, string token)
    {
        if (path.Count == 0)
        {
            return token;
        }

        var root = JsonNode.Parse(json)!;
        Set(root, path, JsonValue.Create(Hole));
        return root.ToJsonString().Replace($"\"{Hole}\"", token, StringComparison.Ordinal);
    }

    private static string Remove(string json, List<object> path)
    {
        var root = JsonNode.Parse(json)!;
        var parent = Navigate(root, path[..^1]);
        switch (parent, path[^1])
        {
            case (JsonObject o, string key):
                o.Remove(key);
                break;
            case (JsonArray a, int i):
                a.RemoveAt(i);
                break;
        }

        return root.ToJsonString();
    }

    private static string AddField(string json, string name, string token)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? new JsonObject();
        root[name] = JsonValue.Create(Hole);
        return root.ToJsonString().Replace($"\"{Hole}\"", token, StringComparison.Ordinal);
    }

    private static string ReplaceStrings(string json, string value)
    {
        try
        {
            var root = JsonNode.Parse(json);
            Strings(root, value);
            return root?.ToJsonString() ?? json;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    private static void Strings(JsonNode? node, string value)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        o[key] = value;
                    }
                    else
                    {
                        Strings(o[key], value);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        a[i] = value;
                    }
                    else
                    {
                        Strings(a[i], value);
                    }
                }

                break;
        }
    }

    private static JsonNode Navigate(JsonNode node, List<object> path) =>
        path.Aggregate(node, (n, step) => step is string key ? n[key]! : n[(int)step]!);

    private static void Set(JsonNode root, List<object> path, JsonNode value)
    {
        var parent = Navigate(root, path[..^1]);
        if (path[^1] is string key)
        {
            parent[key] = value;
        }
        else
        {
            parent[(int)path[^1]] = value;
        }
    }

    private static string Nest(string json, int depth, char open)
    {
        var (start, end) = open == '[' ? ("[", "]") : ("{\"a\":", "}");
        var inner = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++)
        {
            inner.Append(start);
        }

        inner.Append('1');
        for (var i = 0; i < depth; i++)
        {
            inner.Append(end);
        }

        return AddField(json, "values", inner.ToString());
    }

    private static byte[] NotUtf8(string json, int at)
    {
        var bytes = Encoding.UTF8.GetBytes(json[..at]);
        return [.. bytes, 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(json[at..])];
    }

    private static string CsvCells(byte[] file, string value)
    {
        var lines = Encoding.UTF8.GetString(file).Split('\n');
        return string.Join('\n', lines.Select((line, i) => i == 0 || line.Length == 0 ? line : string.Join(',', line.Split(',').Select(_ => value))));
    }

    private static string CsvExtraColumn(byte[] file, string token) =>
        string.Join('\n', Encoding.UTF8.GetString(file).Split('\n').Select(line => line.Length == 0 ? line : line + "," + token));

    private static byte[] Multipart(string field, string name, string type, byte[] content)
    {
        var head = $"--ranh-gioi\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n"
            + (type.Length == 0 ? string.Empty : $"Content-Type: {type}\r\n") + "\r\n";
        return [.. Encoding.UTF8.GetBytes(head), .. content, .. "\r\n--ranh-gioi--\r\n"u8];
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    private static string Show(List<object> path) => path.Count == 0 ? "$" : "$" + string.Concat(path.Select(p => p is int i ? $"[{i}]" : $".{Short((string)p)}"));

    private static string Short(string text) => text.Length <= 24 ? text : text[..21] + "…";
}
