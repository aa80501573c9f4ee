using System.Collections.Immutable;

namespace Scoring.Host.Imports;

/// <summary>
/// One record of a CSV text: the 1-based line where it starts (lines inside quoted fields count), its 1-based number
/// among the records (the header is 1, blank lines count, a multi-line record is one: the row a spreadsheet shows), and its fields.
/// </summary>
internal sealed record CsvRecord(int Line, ImmutableArray<string> Fields)
{
    public int Number { get; init; } = Line;
}
