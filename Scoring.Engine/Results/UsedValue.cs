using NodaTime;

namespace Scoring.Engine.Results;

/// <summary>
/// An indicator a criterion read: its id, its title, its type ("number", "percent", "count", "boolean", "date") and its
/// exact value (booleans 1/0; null = not submitted). A date indicator has <see cref="Date"/> instead of a value.
/// </summary>
public sealed record UsedValue(
    string Name,
    string Title,
    decimal? Value,
    [property: IsoDateJson] LocalDate? Date = null,
    string Type = "number");
