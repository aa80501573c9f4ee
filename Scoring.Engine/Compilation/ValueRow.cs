using Scoring.Engine.Results;

namespace Scoring.Engine.Compilation;

/// <summary>
/// One unit's values laid out by slot: the rule set's indicators first (defaults already applied), then the
/// derived names that grade conditions and award eligibility may read (see <see cref="RowLayout"/>).
/// A missing value has <c>Present[i] == false</c> and <c>Values[i] == 0</c>.
/// </summary>
internal sealed class ValueRow
{
    private UsedValue?[]? usedValues;
    private string?[]? numberTexts;

    public ValueRow(int size)
    {
        Values = new decimal[size];
        Present = new bool[size];
    }

    public decimal[] Values { get; }

    public bool[] Present { get; }

    /// <summary>
    /// Per-slot caches of the texts explanations print (the used value, the number in Vietnamese style), filled on
    /// first use. Only indicator slots are cached, and those never change after the row is built. Two threads may
    /// fill the same entry when a unit is in two groups; they write equal values, so the race is harmless.
    /// </summary>
    public UsedValue?[] UsedValues => usedValues ?? Interlocked.CompareExchange(ref usedValues, new UsedValue?[Values.Length], null) ?? usedValues!;

    /// <inheritdoc cref="UsedValues"/>
    public string?[] NumberTexts => numberTexts ?? Interlocked.CompareExchange(ref numberTexts, new string?[Values.Length], null) ?? numberTexts!;

    public ValueRow Clone()
    {
        var copy = new ValueRow(Values.Length);
        Array.Copy(Values, copy.Values, Values.Length);
        Array.Copy(Present, copy.Present, Present.Length);
        return copy;
    }
}
