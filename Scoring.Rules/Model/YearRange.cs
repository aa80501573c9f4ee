namespace Scoring.Rules.Model;

/// <summary>Inclusive range of scoring years a rule set applies to.</summary>
public readonly record struct YearRange(int From, int To)
{
    public bool Contains(int year) => year >= From && year <= To;
}
