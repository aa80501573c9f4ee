using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using Scoring.Rules.Versions;

namespace Scoring.Rules.Loading;

/// <summary>
/// Reads rule-set files (format v1): parse, map to the model, validate, hash. Never throws for bad input: every
/// problem comes back as a <see cref="Diagnostic"/> with file, line, column and JSON path.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The file name pattern of rule sets inside a catalog folder.</summary>
    public const string FilePattern = "*.rules.json";

    /// <summary>
    /// The largest rule set read, in bytes, by the command line and the API alike. The catalog's largest is under 30 KB;
    /// 2 MiB leaves room for any real scoring table while a runaway file is refused before it is parsed.
    /// </summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static RuleSetLoadResult LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                return new RuleSetLoadResult(null, [TooLarge(path, length)]);
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new RuleSetLoadResult(null,
            [
                new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, path, 0, 0, "$",
                    $"Không đọc được tệp: {JsonReaderMessages.DescribeIoError(ex)}.", "Kiểm tra lại đường dẫn và quyền đọc tệp."),
            ]);
        }
        return LoadBytes(bytes, path);
    }

    /// <summary>
    /// Loads a rule set from its bytes (a file or a request body): refused above <see cref="MaxBytes"/>, and when the bytes
    /// are not UTF-8 (with the line and column of the first bad byte) instead of reading replacement characters into titles.
    /// </summary>
    public static RuleSetLoadResult LoadBytes(ReadOnlySpan<byte> utf8, string fileName)
    {
        if (utf8.Length > MaxBytes)
        {
            return new RuleSetLoadResult(null, [TooLarge(fileName, utf8.Length)]);
        }
        return StrictUtf8.TryDecode(utf8, out var text, out var bad)
            ? LoadText(text, fileName)
            : new RuleSetLoadResult(null,
            [
                new Diagnostic(DiagnosticCodes.NotUtf8, DiagnosticSeverity.Error, fileName, bad.Line, bad.Column, "$",
                    $"Tệp không phải văn bản UTF-8: byte 0x{bad.Byte:X2} ở dòng {bad.Line}, cột {bad.Column} không thuộc một ký tự UTF-8 hợp lệ " +
                    "(thường do tệp được lưu bằng bảng mã khác như Windows-1258 hoặc TCVN3).",
                    "Mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (trong VS Code: lệnh `Save with Encoding` rồi chọn `UTF-8`), rồi kiểm tra lại chữ có dấu ở dòng đó."),
            ]);
    }

    private static Diagnostic TooLarge(string fileName, long length) =>
        new(DiagnosticCodes.FileTooLarge, DiagnosticSeverity.Error, fileName, 0, 0, "$",
            $"Tệp lớn {Size(length)}, vượt giới hạn {Size(MaxBytes)} của một bộ tiêu chí; tệp không được đọc.",
            "Một bộ tiêu chí thật chỉ vài chục KB: kiểm tra xem có phải đúng tệp không, hoặc bỏ phần bị lặp hay dữ liệu dán nhầm vào tệp.");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024m * 1024m)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " MB"
        : (bytes / 1024m).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " KB";

    /// <summary>Loads a rule set from <paramref name="json"/>; <paramref name="fileName"/> is only used in diagnostics.</summary>
    public static RuleSetLoadResult LoadText(string json, string fileName)
    {
        var map = JsonSourceMap.Build(json);
        var bag = new DiagnosticBag(fileName, map);
        var (parsed, error) = Parse(json, fileName);
        if (parsed is null)
        {
            return new RuleSetLoadResult(null, [error!]);
        }
        if (parsed is not JObject root)
        {
            bag.Error(DiagnosticCodes.RootNotObject, "$", "Tệp không chứa một đối tượng JSON.",
                "Mỗi bộ tiêu chí là một đối tượng: { \"format\": 1, \"id\": …, … }.");
            return new RuleSetLoadResult(null, bag.ToImmutable());
        }
        var read = RuleSetReader.Read(root, bag);
        RuleSetValidator.Validate(read.RuleSet, bag, read.Broken);
        var diagnostics = bag.ToImmutable();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new RuleSetLoadResult(null, diagnostics);
        }
        var identity = new RuleSetIdentity(read.RuleSet.Id, read.RuleSet.Version, RuleSetHasher.Sha256(CanonicalJson.Write(root)));
        return new RuleSetLoadResult(new RuleSetDocument(read.RuleSet, identity, fileName) { SourceMap = map }, diagnostics);
    }

    /// <summary>
    /// Loads every <c>*.rules.json</c> under <paramref name="folder"/> (recursively, in ordinal path order) and checks
    /// that no id + version appears twice with different content.
    /// </summary>
    public static RuleSetFolderLoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new RuleSetFolderLoadResult([],
            [
                new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, folder, 0, 0, "$",
                    "Thư mục không tồn tại.", "Ghi đường dẫn của một thư mục có chứa các tệp *.rules.json."),
            ]);
        }
        return RuleSetCatalogCheck.Check(FilesOf(folder).Select(LoadFile).ToList());
    }

    /// <summary>
    /// Loads every file and folder named (folders as <see cref="LoadFolder"/> does) and checks them as ONE catalog: the
    /// same id and version with different content is an error whether the two files sit in one folder or were named apart.
    /// A path that does not exist gives an RS0003 diagnostic.
    /// </summary>
    public static RuleSetFolderLoadResult LoadPaths(IEnumerable<string> paths)
    {
        var files = new List<RuleSetLoadResult>();
        foreach (var path in paths)
        {
            files.AddRange(Directory.Exists(path) ? FilesOf(path).Select(LoadFile) : [LoadFile(path)]);
        }
        return RuleSetCatalogCheck.Check(files);
    }

    private static IEnumerable<string> FilesOf(string folder) =>
        Directory.EnumerateFiles(folder, FilePattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>Objects and arrays nested deeper than this are refused (a rule set needs about 6 levels).</summary>
    internal const int MaxDepth = 64;

    /// <summary>Parses the JSON text; on a syntax error returns null and the one diagnostic Newtonsoft's position gives.</summary>
    internal static (JToken? Token, Diagnostic? Error) Parse(string json, string fileName)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                MaxDepth = MaxDepth,
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    return (null, new Diagnostic(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error, fileName, reader.LineNumber,
                        reader.LinePosition, "$", "Tệp không phải JSON hợp lệ: còn văn bản sau dấu đóng ngoặc của đối tượng bộ tiêu chí.",
                        "Xoá phần văn bản sau dấu `}` cuối cùng."));
                }
            }
            return (token, null);
        }
        catch (JsonReaderException ex) when (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            return (null, new Diagnostic(DiagnosticCodes.NestedTooDeep, DiagnosticSeverity.Error, fileName,
                Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition), JsonSourceMap.ToJsonPath(ex.Path ?? string.Empty),
                $"JSON lồng nhau quá sâu: tới đây đã có hơn {MaxDepth} cấp đối tượng `{{ }}` và danh sách `[ ]` lồng trong nhau, " +
                "trong khi một bộ tiêu chí chỉ cần khoảng 6 cấp. Đây không phải lỗi cú pháp mà là cấu trúc sai.",
                "Kiểm tra các dấu `{` và `[` quanh vị trí này: thường là một khối bị dán lồng vào chính nó hoặc thiếu dấu đóng `}`/`]`."));
        }
        catch (JsonReaderException ex)
        {
            var duplicate = ex.Message.Contains("already exists", StringComparison.Ordinal);
            var message = JsonReaderMessages.Translate(WithoutPosition(ex.Message));
            return (null, new Diagnostic(
                duplicate ? DiagnosticCodes.DuplicateJsonProperty : DiagnosticCodes.InvalidJson,
                DiagnosticSeverity.Error,
                fileName,
                Math.Max(1, ex.LineNumber), // an empty file reports line 0: point at its start instead
                Math.Max(1, ex.LinePosition),
                JsonSourceMap.ToJsonPath(ex.Path ?? string.Empty),
                duplicate ? message : $"Tệp không phải JSON hợp lệ: {message}",
                duplicate
                    ? "Xoá một trong hai thuộc tính trùng tên."
                    : "Sửa cú pháp JSON tại vị trí này (thường do thiếu dấu phẩy, dấu ngoặc kép hoặc dấu ngoặc)."));
        }
    }

    // Newtonsoft ends its messages with "Path 'x', line 3, position 5."; the diagnostic carries these separately.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(", line ", StringComparison.Ordinal);
        }
        return cut < 0 ? message : message[..cut].TrimEnd('.', ' ', ',') + ".";
    }
}
