using NodaTime;

namespace Scoring.Host.DataFolder;

/// <summary>A unit from units.csv: validity (local dates, inclusive, null = open) and the unit that took it over.</summary>
internal sealed record UnitInfo(string Code, string Name, string Kind, LocalDate? ValidFrom, LocalDate? ValidTo, string? Successor)
{
    /// <summary>Dissolved for a year: its validity ends before the last day of that year (docs/data.md).</summary>
    public bool IsDissolvedIn(int year) => ValidTo is { } to && to < new LocalDate(year, 12, 31);
}
