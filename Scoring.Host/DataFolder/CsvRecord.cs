using System.Collections.Immutable;

namespace Scoring.Host.DataFolder;

/// <summary>One data row of a CSV file: its 1-based line number (where the record starts) and its fields.</summary>
internal sealed record CsvRecord(int Line, ImmutableArray<string> Fields);
