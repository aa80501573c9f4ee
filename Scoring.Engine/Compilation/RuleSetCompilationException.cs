using System.Collections.Immutable;

namespace Scoring.Engine.Compilation;

/// <summary>
/// Thrown by <see cref="ScoringEngine.Compile"/> when an expression of the rule set cannot be compiled.
/// The validator normally reports these first; <see cref="Errors"/> lists each one with its JSON path.
/// </summary>
public sealed class RuleSetCompilationException : Exception
{
    /// <summary>Creates the exception from the individual messages.</summary>
    public RuleSetCompilationException(string ruleSetId, ImmutableArray<string> errors)
        : base($"Không biên dịch được bộ tiêu chí '{ruleSetId}':{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>One line per error (Vietnamese): JSON path, expression, column and message.</summary>
    public ImmutableArray<string> Errors { get; }
}
