using NodaTime;

namespace Scoring.Rules.Model;

/// <summary>
/// One indicator value: a decimal number (number, percent, count), a boolean or a local date.
/// A small value type so that rows of values stay cheap.
/// </summary>
public readonly record struct IndicatorValue
{
    private IndicatorValue(IndicatorType type, decimal number, LocalDate date)
    {
        Type = type;
        Number = number;
        Date = date;
    }

    public IndicatorType Type { get; }

    /// <summary>The number; 1 or 0 for booleans; for dates, the day number since 1970-01-01.</summary>
    public decimal Number { get; }

    public LocalDate Date { get; }

    public bool Boolean => Number != 0m;

    public static IndicatorValue FromNumber(decimal value, IndicatorType type = IndicatorType.Number) => new(type, value, default);

    public static IndicatorValue FromBoolean(bool value) => new(IndicatorType.Boolean, value ? 1m : 0m, default);

    public static IndicatorValue FromDate(LocalDate value) =>
        new(IndicatorType.Date, Period.Between(new LocalDate(1970, 1, 1), value, PeriodUnits.Days).Days, value);

    public override string ToString() => Type switch
    {
        IndicatorType.Boolean => Boolean ? "true" : "false",
        IndicatorType.Date => Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
