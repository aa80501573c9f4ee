using NodaTime;
using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Host.Web;

/// <summary>How numbers and instants read on the pages: vi-VN (dot thousands, decimal comma), local time of Hà Nội.</summary>
internal static class Display
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    // One Vietnamese formatter for the engine's explanations, the exports and the pages (VnFormat): dot thousands, decimal comma.
    public static string Number(decimal value) => VnFormat.Number(value, 2);

    public static string Number(decimal? value) => value is { } v ? Number(v) : "—";

    /// <summary>A reported value with every digit it has (0,823 stays 0,823), grouped and with a decimal comma.</summary>
    public static string Exact(decimal value) => VnFormat.Number(value);

    public static string Date(LocalDate date) => VnFormat.Date(date);

    public static string Time(Instant instant) => VnFormat.DateTime(instant.InZone(Zone).LocalDateTime);

    /// <summary>A used value as a Vietnamese reader writes it (the engine's renderer): yes/no, dd/MM/yyyy dates, decimal comma.</summary>
    public static string Value(UsedValue value) => ExplanationRenderer.Value(value);

    /// <summary>The reason for a criterion's points, as the engine's one renderer writes it.</summary>
    public static string Reason(CriterionScore criterion) => ExplanationRenderer.Reason(criterion);

    public static string GroupKind(string kind) => Scoring.Rules.Model.GroupKind.TryParse(kind, out var parsed) ? parsed.Title : "Cụm/khối";
}
