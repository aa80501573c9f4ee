using System.Collections.Immutable;
using Scoring.Engine.Reviews;

namespace Scoring.Host.Reviews;

/// <summary>A computed review: one result per rule set that declares the phase, the canonical JSON, and notes (Vietnamese).</summary>
internal sealed record ReviewComputation(ImmutableArray<PhaseReviewResult> Results, string Json, ImmutableArray<string> Notes);
