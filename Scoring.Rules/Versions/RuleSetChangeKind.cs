namespace Scoring.Rules.Versions;

public enum RuleSetChangeKind
{
    Added,
    Removed,
    Changed,
}
