namespace Scoring.Host.Imports;

/// <summary>A problem in one row of a table (data file or upload): the row as the user sees it (header = 1), the column and what is wrong, in Vietnamese.</summary>
internal sealed record RowError(int Row, string Column, string Message);
