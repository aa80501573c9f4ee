using System.Text.Encodings.Web;
using System.Text.Json;
using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// A sensitivity report as the verb's JSON: <see cref="SensitivityReportDto"/> (the API's schema) with a fixed property
/// order, indented, Vietnamese as UTF-8; the same options and inputs give the same bytes.
/// </summary>
internal static class SensitivityJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(SensitivityReport report) =>
        JsonSerializer.Serialize(SensitivityReportDto.From(report), Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
