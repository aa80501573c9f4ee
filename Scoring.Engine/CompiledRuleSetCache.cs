using System.Collections.Concurrent;
using Scoring.Engine.Model;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine;

/// <summary>
/// A host-owned cache of compiled rule sets keyed by the rule set's SHA-256 (an instance, never static state).
/// Thread-safe: concurrent requests for the same hash compile it once.
/// </summary>
public sealed class CompiledRuleSetCache
{
    private readonly ConcurrentDictionary<string, Lazy<CompiledRuleSet>> entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Number of compiled rule sets held.</summary>
    public int Count => entries.Count;

    /// <summary>The compiled rule set for <paramref name="identity"/>'s hash, compiling it on first use.</summary>
    /// <exception cref="Compilation.RuleSetCompilationException">The rule set has expression errors (not cached).</exception>
    public CompiledRuleSet GetOrCompile(RuleSet ruleSet, RuleSetIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(identity);
        var lazy = entries.GetOrAdd(identity.Sha256, _ => new Lazy<CompiledRuleSet>(() => ScoringEngine.Compile(ruleSet, identity)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Lazy<CompiledRuleSet>>(identity.Sha256, lazy));
            throw;
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear() => entries.Clear();
}
