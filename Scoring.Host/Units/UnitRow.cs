using NodaTime;

namespace Scoring.Host.Units;

/// <summary>One valid row of a units table: validity as local dates (inclusive, null = open), the unit that took it over.</summary>
internal sealed record UnitRow(int Row, string Code, string Name, string Kind, LocalDate? ValidFrom, LocalDate? ValidTo, string? Successor)
{
    public UnitDto ToDto() => new(Code, Name, Kind, ValidFrom is { } f ? NodaTime.Text.LocalDatePattern.Iso.Format(f) : null,
        ValidTo is { } t ? NodaTime.Text.LocalDatePattern.Iso.Format(t) : null, Successor);
}
