namespace Scoring.Host.Submissions;

/// <summary>
/// What evidence files are accepted: pdf, docx, xlsx, jpg, png, checked by extension AND by the file's first bytes,
/// up to <c>Submissions:MaxEvidenceBytes</c> (default 10 MB).
/// </summary>
internal sealed class EvidencePolicy(long maxBytes)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
    };

    /// <summary>Every content type an evidence file is stored (and downloaded) with.</summary>
    public static IEnumerable<string> ContentTypes => Types.Values.Select(t => t.ContentType).Distinct(StringComparer.Ordinal);

    public long MaxBytes { get; } = maxBytes;

    /// <summary>The content type to store, or null with the reason the file is refused.</summary>
    public (string? ContentType, string? Refusal) Check(string fileName, byte[] content)
    {
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var type))
        {
            return (null, $"Tệp '{fileName}' không được chấp nhận; chỉ nhận pdf, docx, xlsx, jpg, png.");
        }

        if (content.Length < type.Magic.Length || !content.AsSpan(0, type.Magic.Length).SequenceEqual(type.Magic))
        {
            return (null, $"Nội dung tệp '{fileName}' không đúng định dạng {Path.GetExtension(fileName)}.");
        }

        // Any zip starts with PK: a .docx or .xlsx must be an Office package of that kind, as its [Content_Types].xml says.
        if (OfficeMainPart(Path.GetExtension(fileName)) is { } mainPart && !DeclaresPart(content, mainPart))
        {
            return (null, $"Tệp '{fileName}' là tệp nén nhưng không phải tài liệu {Path.GetExtension(fileName).TrimStart('.')} "
                + "(thiếu phần nội dung chính trong [Content_Types].xml); hãy lưu lại tệp bằng Word hoặc Excel rồi gửi lại.");
        }

        return (type.ContentType, null);
    }

    private static string? OfficeMainPart(string extension) => extension.ToLowerInvariant() switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        _ => null,
    };

    private static bool DeclaresPart(byte[] content, string contentType)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > 1024 * 1024)
            {
                return false;
            }

            var types = System.Xml.Linq.XDocument.Load(entry.Open());
            return types.Root?.Elements().Any(e => (string?)e.Attribute("ContentType") == contentType) == true;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return false;
        }
    }
}
