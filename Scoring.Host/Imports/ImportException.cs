using Microsoft.AspNetCore.Http.HttpResults;

namespace Scoring.Host.Imports;

/// <summary>
/// A bad row or cell in an upload: the row number and the column are named so the user can fix the file; <see cref="All"/>
/// holds every problem found when the rows were checked together.
/// </summary>
internal sealed class ImportException(int row, string column, string message, IReadOnlyList<RowError>? all = null)
    : Exception($"Dòng {row}, cột '{column}': {message}")
{
    public int Row { get; } = row;

    public string Column { get; } = column;

    public IReadOnlyList<RowError> All { get; } = all ?? [new RowError(row, column, message)];

    /// <summary>422 naming the first bad row and column; <c>errors</c> lists every problem found (row, column, message).</summary>
    public ProblemHttpResult ToProblem()
    {
        var extensions = new Dictionary<string, object?> { ["row"] = Row, ["column"] = Column };
        if (All.Count > 1)
        {
            extensions["errors"] = All.Select(x => new { row = x.Row, column = x.Column, message = x.Message }).ToList();
        }

        return Problems.Unprocessable(Message, extensions);
    }
}
