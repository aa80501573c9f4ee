namespace Scoring.Host.Imports;

/// <summary>
/// The rows read from a table (each row with a key, also those with a problem, so that later files can be checked against
/// them) and every problem found, in row order. Nothing may be written unless <see cref="Succeeded"/>.
/// </summary>
internal sealed record RowsResult<T>(IReadOnlyList<T> Items, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The first problem as the import API reports it (row and column named), carrying every problem.</summary>
    public ImportException FirstError() => new(Errors[0].Row, Errors[0].Column, Errors[0].Message, Errors);
}
