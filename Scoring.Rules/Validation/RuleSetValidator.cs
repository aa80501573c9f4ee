using System.Collections.Immutable;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

/// <summary>
/// Checks a rule set's meaning (the reader already checked its shape): ids, sums, band tables, expressions, grades,
/// tie-breakers, awards and test cases. Every problem is returned at once; errors block loading, warnings do not.
/// </summary>
public static class RuleSetValidator
{
    /// <summary>
    /// Validates <paramref name="ruleSet"/>. With the <paramref name="map"/> of the file it came from, each diagnostic
    /// carries a line and column; without one they are 0.
    /// </summary>
    public static ImmutableArray<Diagnostic> Validate(RuleSet ruleSet, string file = "", JsonSourceMap? map = null)
    {
        var bag = new DiagnosticBag(file, map ?? JsonSourceMap.Empty);
        Validate(ruleSet, bag, ImmutableHashSet<string>.Empty);
        return bag.ToImmutable();
    }

    internal static void Validate(RuleSet ruleSet, DiagnosticBag bag, ImmutableHashSet<string> broken) =>
        new RuleSetChecker(ruleSet, bag, broken).Run();
}
