namespace Scoring.Host.RuleSets;

/// <summary>How a publication ended.</summary>
internal enum RuleSetPublishStatus
{
    Created,
    AlreadyPublished,
    Invalid,
    Forbidden,
    Conflict,
}
