using System.Collections.Immutable;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Host.Export;

/// <summary>
/// One result to export with the rule set it came from (for titles of grades, awards and sections) and the inputs hash.
/// The command line builds these from a <see cref="PipelineRun"/>; the service can build them from stored results.
/// </summary>
internal sealed record ExportInput(ScoringResult Result, RuleSet RuleSet, string? InputsHash)
{
    public static ImmutableArray<ExportInput> From(PipelineRun run) =>
        [.. run.Runs.Select(r => new ExportInput(r.Result, r.Document.RuleSet, r.InputsHash))];

    public string AwardTitle(string? award) =>
        award is null ? string.Empty : RuleSet.Awards.FirstOrDefault(a => a.Id == award)?.Title ?? award;

    /// <summary>True when the unit's award was proposed at a tie on the quota's cut (the council decides).</summary>
    public bool TieAtCut(string unitCode) => Result.Awards.Any(a => a.UnitCode == unitCode && a.TieAtCut);
}
