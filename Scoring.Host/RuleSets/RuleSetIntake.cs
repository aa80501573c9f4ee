using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Reads an uploaded rule set: JSON syntax (line and column), the identity fields and the canonical SHA-256
/// (keys sorted, no insignificant whitespace). Every error is collected, not just the first.
/// </summary>
internal static partial class RuleSetIntake
{
    public static RuleSetIntakeResult Inspect(string json, string file)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        JObject root;
        try
        {
            var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (token is not JObject obj)
            {
                diagnostics.Add(Error(file, token, "$", "RS0002", "Tệp phải là một đối tượng JSON { ... }.", "Bọc nội dung trong { }."));
                return new RuleSetIntakeResult(null, null, null, null, null, diagnostics.ToImmutable());
            }

            root = obj;
        }
        catch (JsonReaderException e)
        {
            diagnostics.Add(new Diagnostic("RS0001", DiagnosticSeverity.Error, file, e.LineNumber, e.LinePosition, e.Path ?? "$",
                $"JSON không hợp lệ: {e.Message}", "Sửa cú pháp JSON tại vị trí đã chỉ ra."));
            return new RuleSetIntakeResult(null, null, null, null, null, diagnostics.ToImmutable());
        }

        if (root["format"] is not JValue { Type: JTokenType.Integer } format || format.Value<int>() != 1)
        {
            diagnostics.Add(Error(file, root["format"] ?? root, "$.format", "RS0010", "Thiếu \"format\" hoặc khác 1.", "Ghi \"format\": 1."));
        }

        var id = RequiredString(root, "id", file, diagnostics);
        var version = RequiredString(root, "version", file, diagnostics);
        var title = RequiredString(root, "title", file, diagnostics);
        var tenant = RequiredString(root, "tenant", file, diagnostics);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            diagnostics.Add(Error(file, root["id"]!, "$.id", "RS0012", $"Mã '{id}' chỉ được gồm chữ thường, số, '.', '-'.", "Ví dụ: \"son-la.so-nganh\"."));
        }

        if (version is not null && !SemVerPattern().IsMatch(version))
        {
            diagnostics.Add(Error(file, root["version"]!, "$.version", "RS0013", $"Phiên bản '{version}' không theo dạng major.minor.patch.", "Ví dụ: \"1.0.0\"."));
        }

        if (root["sections"] is not JArray { Count: > 0 })
        {
            diagnostics.Add(Error(file, root["sections"] ?? root, "$.sections", "RS0014", "Bộ tiêu chí phải có ít nhất một phần (sections).", "Thêm \"sections\": [ ... ]."));
        }

        return new RuleSetIntakeResult(id, version, title, tenant, Sha256(root), diagnostics.ToImmutable());
    }

    /// <summary>SHA-256 of the canonical form: object keys sorted ordinally, compact, without the "$schema" hint.</summary>
    public static string Sha256(JToken root) => Audit.ContentHash.Of(Canonical(root));

    public static string Canonical(JToken token)
    {
        var sb = new StringBuilder();
        using var writer = new JsonTextWriter(new StringWriter(sb)) { Formatting = Formatting.None };
        Write(writer, token);
        writer.Flush();
        return sb.ToString();
    }

    private static void Write(JsonWriter writer, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties().Where(p => p.Name != "$schema").OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                token.WriteTo(writer);
                break;
        }
    }

    private static string? RequiredString(JObject root, string name, string file, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (root[name] is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace(value.Value<string>()))
        {
            return value.Value<string>();
        }

        diagnostics.Add(Error(file, root[name] ?? root, "$." + name, "RS0011", $"Thiếu trường bắt buộc \"{name}\" (chuỗi không rỗng).", $"Thêm \"{name}\": \"...\"."));
        return null;
    }

    private static Diagnostic Error(string file, JToken at, string path, string code, string message, string fix)
    {
        var info = (IJsonLineInfo)at;
        return new Diagnostic(code, DiagnosticSeverity.Error, file, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, path, message, fix);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVerPattern();
}
