using System.Collections.Immutable;
using Scoring.Engine.Results;

namespace Scoring.Host.Pipeline;

/// <summary>
/// The outcome of scoring one year of a dataset: one run per rule set used, problems that stopped groups from being
/// scored (Vietnamese, for users), and notes (groups split between rule sets, history that could not be computed).
/// </summary>
internal sealed record PipelineRun(int Year, ImmutableArray<RuleSetRun> Runs, ImmutableArray<string> Problems, ImmutableArray<string> Notes)
{
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>Every unit's card across the runs, in group order then rank order.</summary>
    public IEnumerable<(RuleSetRun Run, GroupResult Group, UnitScore Unit)> Units =>
        Runs.SelectMany(r => r.Result.Groups.SelectMany(g => g.Ranking.Select(u => (r, g, u))));
}
