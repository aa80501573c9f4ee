namespace Scoring.Rules.Versions;

/// <summary>What part of a rule set a change is about.</summary>
public enum RuleSetElement
{
    /// <summary>The header: title, years, unit kinds, precision, caps, total limits, tie-breakers.</summary>
    RuleSet,
    Indicator,
    Section,
    Criterion,
    Grade,
    Award,
}
