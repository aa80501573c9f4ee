using System.Collections.Immutable;

namespace Scoring.Host.Reviews;

/// <summary>A phase review of a dataset: one part per rule set that declares the phase, problems and notes (Vietnamese).</summary>
internal sealed record PhaseReviewRun(string Phase, ImmutableArray<PhaseReviewPart> Parts, ImmutableArray<string> Problems, ImmutableArray<string> Notes)
{
    public bool Succeeded => Problems.IsEmpty;
}
