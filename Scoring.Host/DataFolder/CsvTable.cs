using System.Collections.Immutable;

namespace Scoring.Host.DataFolder;

/// <summary>A CSV file read against the columns it must have; rows are looked up by column name.</summary>
internal sealed class CsvTable
{
    private readonly ImmutableDictionary<string, int> _columns;

    private CsvTable(string fileName, ImmutableDictionary<string, int> columns, ImmutableArray<CsvRecord> rows)
    {
        FileName = fileName;
        _columns = columns;
        Rows = rows;
    }

    public string FileName { get; }

    public ImmutableArray<CsvRecord> Rows { get; }

    /// <summary>The field of <paramref name="row"/> in <paramref name="column"/>, trimmed; empty when the row is short.</summary>
    public string Get(CsvRecord row, string column)
    {
        var index = _columns[column];
        return index < row.Fields.Length ? row.Fields[index].Trim() : string.Empty;
    }

    /// <summary>The rows as a table the shared row parsers read (<see cref="UnitRows"/>, <see cref="GroupRows"/>), numbered by line.</summary>
    public TabularData ToTabular()
    {
        var headers = new string[_columns.Count == 0 ? 0 : _columns.Values.Max() + 1];
        foreach (var (name, index) in _columns)
        {
            headers[index] = name;
        }

        return new TabularData([.. headers.Select(h => h ?? string.Empty)], [.. Rows.Select(r => new TabularRow(r.Line, r.Fields))]);
    }

    /// <summary>
    /// Reads <paramref name="path"/>; reports syntax errors, missing required columns and rows with a wrong
    /// number of fields into <paramref name="errors"/>. Returns null when the file cannot be used at all.
    /// With <paramref name="lastColumnTakesRest"/>, extra fields are joined back into the last column and stray
    /// quotes are kept as text: for hand-written vocabularies whose last column is free text.
    /// </summary>
    public static CsvTable? Read(string path, IReadOnlyList<string> requiredColumns, List<DataError> errors, bool lastColumnTakesRest = false)
    {
        var fileName = Path.GetFileName(path);
        string text;
        try
        {
            // Strict UTF-8: a file saved in another encoding is refused at its line, never read with "�" in its names.
            if (!Scoring.Rules.Loading.StrictUtf8.TryDecode(File.ReadAllBytes(path), out text, out var bad))
            {
                errors.Add(new DataError(fileName, bad.Line, null,
                    $"tệp không phải văn bản UTF-8: byte 0x{bad.Byte:X2} ở cột {bad.Column} không thuộc ký tự UTF-8 nào; hãy lưu lại tệp với bảng mã UTF-8 (Excel: \"CSV UTF-8\")"));
                return null;
            }
        }
        catch (IOException ex)
        {
            errors.Add(new DataError(fileName, 0, null, $"không đọc được tệp: {ex.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            errors.Add(new DataError(fileName, 0, null, "không có quyền đọc tệp"));
            return null;
        }

        var (records, syntaxErrors) = CsvText.Parse(text);
        if (!lastColumnTakesRest)
        {
            errors.AddRange(syntaxErrors.Select(e => new DataError(fileName, e.Line, null, e.Message)));
        }

        if (records.IsEmpty)
        {
            errors.Add(new DataError(fileName, 1, null, $"tệp trống; dòng đầu phải là tiêu đề: {string.Join(",", requiredColumns)}"));
            return null;
        }

        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var name = header.Fields[i].Trim();
            if (!columns.TryAdd(name, i))
            {
                errors.Add(new DataError(fileName, header.Line, name, "cột bị lặp lại trong dòng tiêu đề"));
            }
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new DataError(
                fileName,
                header.Line,
                null,
                $"thiếu cột {string.Join(", ", missing)}; dòng tiêu đề phải là: {string.Join(",", requiredColumns)}"));
            return null;
        }

        var rows = ImmutableArray.CreateBuilder<CsvRecord>();
        foreach (var record in records.Skip(1))
        {
            var row = record;
            if (lastColumnTakesRest && row.Fields.Length > header.Fields.Length)
            {
                var keep = header.Fields.Length - 1;
                row = row with { Fields = [.. row.Fields.Take(keep), string.Join(",", row.Fields.Skip(keep))] };
            }

            if (row.Fields.Length != header.Fields.Length)
            {
                errors.Add(new DataError(
                    fileName,
                    row.Line,
                    null,
                    $"có {row.Fields.Length} trường nhưng dòng tiêu đề có {header.Fields.Length} cột (thiếu dấu phẩy hoặc thiếu ngoặc kép quanh giá trị có dấu phẩy?)"));
                continue;
            }

            rows.Add(row);
        }

        return new CsvTable(fileName, columns.ToImmutableDictionary(), rows.ToImmutable());
    }
}
