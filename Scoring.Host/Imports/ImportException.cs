namespace Scoring.Host.Imports;

/// <summary>A bad row or cell in an upload: the row number and the column are named so the user can fix the file.</summary>
internal sealed class ImportException(int row, string column, string message)
    : Exception($"Dòng {row}, cột '{column}': {message}")
{
    public int Row { get; } = row;

    public string Column { get; } = column;
}
