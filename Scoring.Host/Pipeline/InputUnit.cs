using NodaTime;
using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>A unit that may be scored: its kind chooses the rule set; <see cref="ValidTo"/> (inclusive, null = open) says when it was dissolved.</summary>
internal sealed record InputUnit(string Code, string Name, UnitKind Kind, LocalDate? ValidTo)
{
    /// <summary>Dissolved for a year: its validity ends before the last day of that year (docs/data.md).</summary>
    public bool IsDissolvedIn(int year) => ValidTo is { } to && to < new LocalDate(year, 12, 31);
}
