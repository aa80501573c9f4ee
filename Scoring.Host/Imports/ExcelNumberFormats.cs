using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Imports;

/// <summary>
/// How a workbook shows its numeric cells: which cell styles are dates or times (built-in formats 14–22, 27–36, 45–47,
/// 50–58, or a custom code with date/time letters) and which date system it counts from (1900, or 1904 for old Mac files).
/// Spreadsheet programs store a date as a serial number of days; this turns it back into the ISO text the imports expect.
/// </summary>
internal sealed class ExcelNumberFormats
{
    private static readonly LocalDate Epoch1900 = new(1899, 12, 30);
    private static readonly LocalDate Epoch1904 = new(1904, 1, 1);
    private readonly Dictionary<uint, FormatKind> styles = [];
    private readonly bool date1904;

    public ExcelNumberFormats(WorkbookPart workbook)
    {
        date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            styles[index++] = custom.TryGetValue(id, out var code) ? Classify(code) : BuiltIn(id);
        }
    }

    private enum FormatKind
    {
        Number,
        Date,
        DateTime,
        Time,
    }

    /// <summary>The text of a numeric cell: ISO date (yyyy-MM-dd), date-time or time for date-styled cells, else the number.</summary>
    public string Text(string raw, uint? styleIndex, int row, string reference)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        var kind = styleIndex is { } s && styles.TryGetValue(s, out var k) ? k : FormatKind.Number;
        return kind == FormatKind.Number ? NumberText(raw, number) : DateText(number, kind, row, reference);
    }

    /// <summary>Excel writes doubles in shortest round-trip form (0.083 as 8.3000000000000004E-2); decimal gives the figure the user typed.</summary>
    private static string NumberText(string raw, double number)
    {
        try
        {
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return raw;
        }
    }

    private string DateText(double serial, FormatKind kind, int row, string reference)
    {
        if (serial < 0 || serial >= 2_958_466)
        {
            throw new ImportException(row, reference, $"ô ngày chứa số {serial.ToString(CultureInfo.InvariantCulture)}, không phải một ngày hợp lệ.");
        }

        var days = (int)Math.Floor(serial);
        var seconds = (int)Math.Round((serial - days) * 86_400, MidpointRounding.AwayFromZero);
        if (seconds == 86_400)
        {
            days++;
            seconds = 0;
        }

        var time = LocalTime.Midnight.PlusSeconds(seconds);
        if (kind == FormatKind.Time)
        {
            return LocalTimePattern.ExtendedIso.Format(time);
        }

        var date = ToDate(days, row, reference);
        return kind == FormatKind.DateTime && seconds != 0
            ? LocalDateTimePattern.ExtendedIso.Format(date + time)
            : LocalDatePattern.Iso.Format(date);
    }

    private LocalDate ToDate(int days, int row, string reference)
    {
        if (date1904)
        {
            return Epoch1904.PlusDays(days);
        }

        // The 1900 system counts a 29 February 1900 that never was (serial 60), kept from Lotus 1-2-3.
        return days switch
        {
            0 or 60 => throw new ImportException(row, reference, $"ô ngày chứa số {days}, ngày không có thật (hệ ngày 1900 của Excel)."),
            < 60 => Epoch1900.PlusDays(days + 1),
            _ => Epoch1900.PlusDays(days),
        };
    }

    private static FormatKind BuiltIn(uint id) => id switch
    {
        >= 14 and <= 17 or >= 27 and <= 31 or >= 34 and <= 36 or >= 50 and <= 58 => FormatKind.Date,
        22 => FormatKind.DateTime,
        >= 18 and <= 21 or >= 32 and <= 33 or >= 45 and <= 47 => FormatKind.Time,
        _ => FormatKind.Number,
    };

    /// <summary>A custom format code is a date/time when its first section has date or time letters outside quotes, escapes and brackets.</summary>
    private static FormatKind Classify(string code)
    {
        var letters = new StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted)
            {
                quoted = c != '"';
            }
            else if (bracket)
            {
                bracket = c != ']';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c == ';')
            {
                break;
            }
            else
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        var text = letters.ToString();
        var hasTime = text.Contains('h', StringComparison.Ordinal) || text.Contains('s', StringComparison.Ordinal);
        var hasDate = text.Contains('y', StringComparison.Ordinal) || text.Contains('d', StringComparison.Ordinal)
            || (text.Contains('m', StringComparison.Ordinal) && !hasTime);
        return (hasDate, hasTime) switch
        {
            (true, true) => FormatKind.DateTime,
            (true, false) => FormatKind.Date,
            (false, true) => FormatKind.Time,
            _ => FormatKind.Number,
        };
    }
}
