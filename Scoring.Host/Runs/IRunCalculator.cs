namespace Scoring.Host.Runs;

/// <summary>Scores frozen inputs against a published rule set. Pure: the same arguments give the same outcome.</summary>
internal interface IRunCalculator
{
    Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct);
}
