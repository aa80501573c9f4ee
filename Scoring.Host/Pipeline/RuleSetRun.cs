using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Loading;

namespace Scoring.Host.Pipeline;

/// <summary>One rule set applied to the groups it covers in a year: the request it built, the result and the inputs hash.</summary>
/// <param name="InputsHash">SHA-256 (hex) of the canonical request inputs: with the rule-set hash, it identifies the result.</param>
internal sealed record RuleSetRun(RuleSetDocument Document, ScoringRequest Request, ScoringResult Result, string InputsHash);
