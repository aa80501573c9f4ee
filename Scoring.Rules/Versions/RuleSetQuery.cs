using Scoring.Rules.Model;

namespace Scoring.Rules.Versions;

/// <summary>Which rule sets apply: the year scored, and optionally the tenant, the movement and the kind of unit.</summary>
public sealed record RuleSetQuery(int Year, string? Tenant = null, string? Movement = null, UnitKind? Kind = null)
{
    /// <summary>Whether <paramref name="ruleSet"/> applies: its years cover <see cref="Year"/> and it matches every criterion given.</summary>
    public bool Matches(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.Years.Contains(Year)
               && (Tenant is null || string.Equals(ruleSet.Tenant, Tenant, StringComparison.Ordinal))
               && (Movement is null || string.Equals(ruleSet.Movement, Movement, StringComparison.Ordinal))
               && (Kind is not { } kind || ruleSet.UnitKinds.Contains(kind));
    }
}
