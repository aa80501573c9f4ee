using System.Text.Json.Serialization;

namespace Scoring.Host.Runs;

/// <summary>
/// A unit's values for the run (indicator → text, sorted); authoritative imports already override self-reported values.
/// <see cref="Sources"/> names, for each value taken from an import, its batch in Vietnamese (source, batch number, file,
/// hash, who, when); values without an entry come from the unit's own report. Left out of the JSON when empty, so runs
/// without imports hash as they always did.
/// </summary>
internal sealed record RunInputUnit(
    string Code,
    string Name,
    string Kind,
    bool Dissolved,
    string? ValidTo,
    SortedDictionary<string, string> Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SortedDictionary<string, string>? Sources = null);
