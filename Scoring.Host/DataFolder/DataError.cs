namespace Scoring.Host.DataFolder;

/// <summary>
/// A problem in a data folder: the file, the 1-based line (0 = the whole file), the column name (if any) and what
/// is wrong, in Vietnamese, e.g. "submissions-2025.csv, dòng 14, cột value: 'abc' không phải số".
/// </summary>
internal sealed record DataError(string File, int Line, string? Column, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (Line > 0)
        {
            where += $", dòng {Line}";
        }

        if (Column is not null)
        {
            where += $", cột {Column}";
        }

        return $"{where}: {Message}";
    }
}
