namespace Scoring.Engine.Evaluation.Fast;

/// <summary>A rule set the fast scorer cannot compile (an expression did not translate); the message names the criterion.</summary>
internal sealed class FastCompileException(string message) : Exception(message);
