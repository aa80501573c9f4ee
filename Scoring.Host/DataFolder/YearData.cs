using System.Collections.Immutable;
using NodaTime;

namespace Scoring.Host.DataFolder;

/// <summary>
/// One year of a data folder: the groups (groups-yyyy.csv), each unit's values (submissions-yyyy.csv, plus
/// reportSubmittedOn derived from reports-yyyy.csv) and the report instants themselves.
/// </summary>
internal sealed record YearData(
    int Year,
    ImmutableArray<GroupInfo> Groups,
    ImmutableDictionary<string, ImmutableDictionary<string, SubmittedValue>> Values,
    ImmutableDictionary<string, Instant> ReportsSubmittedAt)
{
    public ImmutableDictionary<string, SubmittedValue> ValuesOf(string unit) =>
        Values.TryGetValue(unit, out var values) ? values : ImmutableDictionary<string, SubmittedValue>.Empty;
}
