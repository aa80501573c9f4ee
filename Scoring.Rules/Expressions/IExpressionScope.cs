using System.Linq.Expressions;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Resolves the identifiers an expression may use (indicators, and for award eligibility total/rank/groupSize).
/// The returned expression must already be of the numeric mode's type (decimal or double) for numbers, or bool.
/// </summary>
public interface IExpressionScope
{
    bool TryResolve(string name, out Expression expression, out ValueKind kind);

    /// <summary>
    /// A bool expression telling whether the identifier has a value (for <c>x ?? fallback</c>).
    /// Return false when the identifier can never be missing.
    /// </summary>
    bool TryResolvePresence(string name, out Expression isPresent);

    /// <summary>The names this scope resolves, used only to suggest a fix for a misspelt name. Optional.</summary>
    IEnumerable<string> KnownNames => [];
}
