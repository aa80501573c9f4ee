using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Rules.Loading;

/// <summary>A rule set read from one file: the model, its identity (with the canonical hash) and the file it came from.</summary>
public sealed record RuleSetDocument(RuleSet RuleSet, RuleSetIdentity Identity, string File)
{
    /// <summary>Where each JSON path of the file is (line, column), to position messages about this rule set.</summary>
    public JsonSourceMap SourceMap { get; init; } = JsonSourceMap.Empty;
}
