namespace Scoring.Rules.Model;

/// <summary>The type of an indicator value. Percent is on a 0–100 scale, as units report it.</summary>
public enum IndicatorType
{
    Number,
    Percent,
    Count,
    Boolean,
    Date,
}
