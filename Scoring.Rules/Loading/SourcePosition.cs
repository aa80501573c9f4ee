namespace Scoring.Rules.Loading;

/// <summary>A 1-based line and column in a rule-set file; (0, 0) when unknown.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Unknown => default;

    public bool IsKnown => Line > 0;
}
