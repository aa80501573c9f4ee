namespace Scoring.Engine.Compilation;

/// <summary>
/// One unit's values laid out by slot: the rule set's indicators first (defaults already applied), then the
/// derived names that grade conditions and award eligibility may read (see <see cref="RowLayout"/>).
/// A missing value has <c>Present[i] == false</c> and <c>Values[i] == 0</c>.
/// </summary>
internal sealed class ValueRow
{
    public ValueRow(int size)
    {
        Values = new decimal[size];
        Present = new bool[size];
    }

    public decimal[] Values { get; }

    public bool[] Present { get; }

    public ValueRow Clone()
    {
        var copy = new ValueRow(Values.Length);
        Array.Copy(Values, copy.Values, Values.Length);
        Array.Copy(Present, copy.Present, Present.Length);
        return copy;
    }
}
