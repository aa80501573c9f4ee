using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// FsCheck generators of form posts that break a page's own form (<see cref="PageForm"/>, its antiforgery token kept)
/// the ways careless and hostile browsers do: a field missing, empty, of the wrong type, far too long (past the page's
/// limit too), odd Unicode everywhere, bytes that are not UTF-8, a field repeated, odd field names, thousands of fields,
/// no token, and for upload forms files with odd names, contents and framing.
/// </summary>
internal static class GeneratedForms
{
    private static readonly string[] OddValues =
    [
        "", " ", "abc", "-1", "0", "1.5", "1,5", "1e400", "99999999999999999999", "2147483648", "true", "null", "2025-13-45", "１２", "١٢",
        "\u0000", "\ud800", "\u202Eexe.pdf", "Xa\u0301", "😀🇻🇳", "ѕоn-lа", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
        "\r\n", "\uFEFF", "\uFFFF", "ﬁ", new string('x', 5000),
    ];

    private static readonly string[] OddNames = ["", "handler", "__proto__", "Values[abc]", "a[0][1]", "gt-", "gt-😀", "X" + new string('k', 2000), "\u0000"];

    private static readonly string[] OddFileNames = ["", "a\"b.csv", "a\nb.csv", @"C:\x\b.pdf", "../../x.csv", "x.exe", "😀.png", "x.xlsx", "x.docx", new string('a', 300) + ".pdf"];

    private static readonly byte[][] OddFiles =
    [
        [], "unit,name\nxa-a,Xã A\n"u8.ToArray(), "%PDF-1.4\n"u8.ToArray(), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], [0xFF, 0xC3, 0x28, 0x00, 0x01],
        Encoding.UTF8.GetBytes("code,name,kind\n" + new string(',', 500)),
    ];

    public static Gen<(string Label, HttpContent Content)> For(PageForm form)
    {
        var names = form.Fields.Select(f => f.Key).Where(k => k != PageForm.TokenField).Distinct().ToArray();
        var fields = form.Fields.ToList();
        var field = names.Length == 0 ? Gen.Constant("ten") : Gen.Elements(names);
        var changes = Gen.OneOf(
            Gen.Constant<(string, List<KeyValuePair<string, string>>)>(("như trang", fields)),
            field.Select(n => ($"bỏ «{n}»", fields.Where(f => f.Key != n).ToList())),
            Gen.Zip(field, Gen.Elements(OddValues)).Select(p => ($"«{p.Item1}» = «{Short(p.Item2)}»", Set(fields, p.Item1, p.Item2))),
            Gen.Elements(OddValues).Select(v => ($"mọi ô = «{Short(v)}»", fields.Select(f => f.Key == PageForm.TokenField ? f : new KeyValuePair<string, string>(f.Key, v)).ToList())),
            field.Select(n => ($"«{n}» dài 70 KB", Set(fields, n, new string('ă', 35 * 1024)))),
            field.Select(n => ($"«{n}» lặp ba lần", fields.Concat([new(n, "1"), new(n, "abc")]).ToList())),
            Gen.Zip(Gen.Elements(OddNames), Gen.Elements(OddValues)).Select(p => ($"thêm ô «{Short(p.Item1)}»", fields.Append(new(p.Item1, p.Item2)).ToList())),
            Gen.Constant<(string, List<KeyValuePair<string, string>>)>(("thêm 1.500 ô", [.. fields, .. Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>($"o{i}", "1"))])),
            Gen.Constant<(string, List<KeyValuePair<string, string>>)>(("không có mã chống giả mạo", fields.Where(f => f.Key != PageForm.TokenField).ToList())));
        var bodies = form.Multipart
            ? from change in changes
              from file in Gen.Elements(OddFiles)
              from name in Gen.Elements(OddFileNames)
              select ($"{change.Item1}; tệp «{Short(name)}» ({file.Length} byte)", Multipart(change.Item2, form.Files, name, file))
            : Gen.OneOf(
                changes.Select(c => (c.Item1, UrlEncoded(c.Item2, raw: null))),
                field.Select(n => ($"«{n}» có byte không phải UTF-8", UrlEncoded(fields, raw: (n, "%C3%28%FF")))));
        return bodies;
    }

    private static List<KeyValuePair<string, string>> Set(List<KeyValuePair<string, string>> fields, string name, string value) =>
        fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f).ToList();

    private static HttpContent UrlEncoded(List<KeyValuePair<string, string>> fields, (string Name, string Encoded)? raw)
    {
        // Encoded by hand: a lone surrogate becomes U+FFFD as a browser sends it, and raw percent-bytes stay as given.
        var text = string.Join('&', fields.Select(f => Escape(f.Key) + "=" + (raw is { } r && r.Name == f.Key ? r.Encoded : Escape(f.Value))));
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return content;
    }

    private static string Escape(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' ? ((char)b).ToString() : $"%{b:X2}"));

    private static HttpContent Multipart(List<KeyValuePair<string, string>> fields, IReadOnlyList<string> files, string fileName, byte[] file)
    {
        var body = new List<byte>();
        foreach (var (name, value) in fields)
        {
            body.AddRange(Encoding.UTF8.GetBytes($"--ranh-gioi\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        }

        foreach (var name in files.DefaultIfEmpty("file"))
        {
            body.AddRange(Encoding.UTF8.GetBytes($"--ranh-gioi\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.AddRange(file);
            body.AddRange("\r\n"u8.ToArray());
        }

        body.AddRange("--ranh-gioi--\r\n"u8.ToArray());
        var content = new ByteArrayContent([.. body]);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=ranh-gioi");
        return content;
    }

    private static string Short(string text) => text.Length <= 24 ? text : text[..21] + "…";
}
