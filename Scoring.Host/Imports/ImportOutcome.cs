namespace Scoring.Host.Imports;

/// <summary>
/// What an import did: its summary when every row was written, or the refusal (every bad row with its row and column)
/// when nothing was. The API answers the refusal as a 422; the console lists its rows.
/// </summary>
internal sealed record ImportOutcome<T>(T? Value, ImportException? Error)
    where T : class
{
    public static ImportOutcome<T> Written(T value) => new(value, null);

    public static ImportOutcome<T> Refused(ImportException error) => new(null, error);
}
