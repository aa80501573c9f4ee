using System.Collections.Immutable;
using CsvHelper;

namespace Scoring.Host.Imports;

/// <summary>
/// The one CSV reader of the host (CsvHelper): RFC 4180 with comma separators, double-quoted fields that may hold commas,
/// line breaks and escaped quotes (""), CRLF, LF or CR line ends, an optional UTF-8 BOM; blank lines are skipped. It never
/// throws on bad input: quoting problems are recovered as text and returned with the line of their record, in Vietnamese.
/// Used by the data folder (<see cref="DataFolder.CsvTable"/>) and by uploads (<see cref="TabularReader"/>).
/// </summary>
internal static class CsvText
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
        TrackLineNumbers = true,
        TrimWhitespace = false,
        DetectSeparatorHint = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    public const string UnterminatedQuote = "dấu ngoặc kép mở không được đóng đến hết tệp";

    public static (ImmutableArray<CsvRecord> Records, ImmutableArray<CsvError> Errors) Parse(string text)
    {
        var records = ImmutableArray.CreateBuilder<CsvRecord>();
        var errors = ImmutableArray.CreateBuilder<CsvError>();
        var options = Options with { OnMalformedRecord = r => errors.Add(new CsvError((int)r.LineNumber, Message(r.Reason))) };
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            // A blank line (nothing at all, not even "") is skipped, but it keeps its number (as a spreadsheet's row does).
            if (reader.RawRecord.Length > 0)
            {
                records.Add(new CsvRecord((int)reader.LineNumber, [.. reader.Current.ToArray()]) { Number = (int)reader.RowNumber });
            }
        }

        return (records.ToImmutable(), errors.ToImmutable());
    }

    private static string Message(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => UnterminatedQuote,
        CsvMalformedReason.TextAfterClosingQuote => "có ký tự sau dấu ngoặc kép đóng; trường có ngoặc kép phải kết thúc bằng dấu ngoặc kép",
        CsvMalformedReason.StrayQuote => "dấu ngoặc kép giữa trường; hãy đặt cả trường trong ngoặc kép và viết \"\" cho mỗi dấu ngoặc kép",
        _ => "dòng không đúng định dạng CSV",
    };
}
