using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.DataFolder;

/// <summary>Reads tenant.json (docs/data.md): the tenant, its movement and the local report deadline.</summary>
internal static class TenantFileReader
{
    public const string FileName = "tenant.json";

    public static TenantInfo? Read(string path, List<DataError> errors)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
            root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            errors.Add(new DataError(FileName, ex.LineNumber, null, $"JSON không hợp lệ (cột {ex.LinePosition}): {FirstSentence(ex.Message)}"));
            return null;
        }
        catch (IOException ex)
        {
            errors.Add(new DataError(FileName, 0, null, $"không đọc được tệp: {ex.Message}"));
            return null;
        }

        var count = errors.Count;
        var tenant = RequiredString(root, "tenant", errors);
        var name = RequiredString(root, "name", errors);
        if (root["movement"] is not JObject movement)
        {
            errors.Add(new DataError(FileName, LineOf(root), "movement", "thiếu đối tượng \"movement\" (id, title, reportDeadline, timeZone)"));
            return null;
        }

        var id = RequiredString(movement, "id", errors);
        var title = RequiredString(movement, "title", errors);
        var plan = movement["plan"]?.Type == JTokenType.String ? (string?)movement["plan"] : null;
        var deadlineText = RequiredString(movement, "reportDeadline", errors);
        var deadline = default(AnnualDate);
        if (deadlineText is not null)
        {
            var parsed = AnnualDatePattern.Iso.Parse(deadlineText);
            if (parsed.Success)
            {
                deadline = parsed.Value;
            }
            else
            {
                errors.Add(new DataError(FileName, LineOf(movement["reportDeadline"]), "movement.reportDeadline", $"'{deadlineText}' không phải ngày và tháng dạng MM-dd (ví dụ \"11-10\" là ngày 10 tháng 11)"));
            }
        }

        var zoneId = movement["timeZone"]?.Type == JTokenType.String ? (string)movement["timeZone"]! : "Asia/Ho_Chi_Minh";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            errors.Add(new DataError(FileName, LineOf(movement["timeZone"]), "movement.timeZone", $"'{zoneId}' không phải múi giờ IANA; dùng \"Asia/Ho_Chi_Minh\""));
        }

        if (errors.Count > count || tenant is null || name is null || id is null || title is null || zone is null)
        {
            return null;
        }

        return new TenantInfo(tenant, name, new MovementInfo(id, title, plan, deadline, zone));
    }

    private static string? RequiredString(JObject obj, string property, List<DataError> errors)
    {
        var token = obj[property];
        if (token is { Type: JTokenType.String } && !string.IsNullOrWhiteSpace((string?)token))
        {
            return (string)token!;
        }

        var path = obj.Path.Length == 0 ? property : $"{obj.Path}.{property}";
        errors.Add(new DataError(FileName, LineOf(token ?? obj), path, token is null ? "thiếu thuộc tính bắt buộc" : "phải là một chuỗi không rỗng"));
        return null;
    }

    private static int LineOf(JToken? token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
