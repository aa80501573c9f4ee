using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Runs;

/// <summary>How a value imported from an authority is named in a run's frozen inputs and on the unit's card (Vietnamese).</summary>
internal static class ImportProvenance
{
    private static readonly LocalDateTimePattern Time = LocalDateTimePattern.CreateWithInvariantCulture("dd/MM/uuuu HH:mm");

    /// <summary>E.g. "nhập liệu DTI #3 (tệp dti-2025.csv, SHA-256 0a1b2c3d4e5f, quan-tri (administrator), 05/11/2025 10:00)".</summary>
    public static string Label(ImportBatch batch) =>
        $"nhập liệu {SourceName(batch.Source)} #{batch.Id.ToString(CultureInfo.InvariantCulture)} (tệp {batch.FileName}, SHA-256 {batch.Sha256[..Math.Min(12, batch.Sha256.Length)]}, "
        + $"{batch.ImportedBy}, {Time.Format(batch.ImportedAt.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).LocalDateTime)})";

    public static string SourceName(ImportSource source) => source switch
    {
        ImportSource.Dti => "DTI",
        ImportSource.Pas766 => "Cổng dịch vụ công (766)",
        _ => "Bình dân học vụ số",
    };
}
