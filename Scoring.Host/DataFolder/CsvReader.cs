using System.Collections.Immutable;
using System.Text;

namespace Scoring.Host.DataFolder;

/// <summary>
/// A small RFC 4180 reader: comma separators, double-quoted fields that may hold commas, line breaks and
/// escaped quotes (""), CRLF or LF line ends, an optional UTF-8 BOM. Blank lines are skipped.
/// It never throws on bad input; syntax problems are returned as <see cref="CsvError"/>s with the line.
/// </summary>
internal static class CsvReader
{
    public static (ImmutableArray<CsvRecord> Records, ImmutableArray<CsvError> Errors) Parse(string text)
    {
        var records = ImmutableArray.CreateBuilder<CsvRecord>();
        var errors = ImmutableArray.CreateBuilder<CsvError>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var inQuotes = false;
        var fieldWasQuoted = false;
        var afterClosingQuote = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
            afterClosingQuote = false;
        }

        void EndRecord()
        {
            EndField();
            var blank = fields.Count == 1 && fields[0].Length == 0;
            if (!blank)
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r':
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                default:
                    if (afterClosingQuote)
                    {
                        errors.Add(new CsvError(line, "có ký tự sau dấu ngoặc kép đóng; trường có ngoặc kép phải kết thúc bằng dấu ngoặc kép"));
                        afterClosingQuote = false;
                    }
                    else if (c == '"')
                    {
                        errors.Add(new CsvError(line, "dấu ngoặc kép giữa trường; hãy đặt cả trường trong ngoặc kép và viết \"\" cho mỗi dấu ngoặc kép"));
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            errors.Add(new CsvError(recordLine, "dấu ngoặc kép mở không được đóng đến hết tệp"));
        }

        if (fields.Count > 0 || field.Length > 0 || fieldWasQuoted)
        {
            EndRecord();
        }

        return (records.ToImmutable(), errors.ToImmutable());
    }
}
