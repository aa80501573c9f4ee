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

    public static RuleSetLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new RuleSetLoadResult(null,
            [
                new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, path, 0, 0, "$",
                    $"Không đọc được tệp: {JsonReaderMessages.DescribeIoError(ex)}.", "Kiểm tra lại đường dẫn và quyền đọc tệp."),
            ]);
        }
        return LoadText(text, path);
    }

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
        var files = Directory.EnumerateFiles(folder, FilePattern, SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
        return RuleSetCatalogCheck.Check(files);
    }

    /// <summary>Parses the JSON text; on a syntax error returns null and the one diagnostic Newtonsoft's position gives.</summary>
    internal static (JToken? Token, Diagnostic? Error) Parse(string json, string fileName)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
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
