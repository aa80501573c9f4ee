using System.Collections.Immutable;
using Scoring.Engine.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// A request checked and through its per-unit pass (<see cref="RequestScorer.Prepare"/>): the units scored in ordinal
/// order of code, each group's members as indexes into <see cref="Units"/>, and the notes so far.
/// </summary>
internal sealed record PreparedRequest(
    CompiledRuleSet Compiled,
    ScoringRequest Request,
    ScoredUnit[] Units,
    GroupRecord[] Groups,
    int[][] GroupMembers,
    ImmutableArray<string> Notes);
