namespace Scoring.Host.Runs;

/// <summary>Scores frozen inputs against a rule set's JSON. Pure: the same arguments give the same outcome.</summary>
internal interface IRunCalculator
{
    Task<RunOutcome> CalculateAsync(string ruleSetJson, RunInputs inputs, IProgress<int> progress, CancellationToken ct);
}
