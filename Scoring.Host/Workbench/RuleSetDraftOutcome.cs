namespace Scoring.Host.Workbench;

/// <summary>What a draft operation did: the draft (created or saved), or why not (Vietnamese) and whether it was a permission problem.</summary>
internal sealed record RuleSetDraftOutcome(RuleSetDraft? Draft, string? Problem, bool Forbidden = false)
{
    public bool Succeeded => Draft is not null && Problem is null;

    public static RuleSetDraftOutcome Refused(string problem) => new(null, problem);

    public static RuleSetDraftOutcome NotAllowed(string problem) => new(null, problem, true);
}
