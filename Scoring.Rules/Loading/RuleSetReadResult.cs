using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Rules.Loading;

/// <summary>The model read from JSON (with placeholders where values were unreadable) and the paths that were unreadable.</summary>
internal sealed record RuleSetReadResult(RuleSet RuleSet, ImmutableHashSet<string> Broken);
