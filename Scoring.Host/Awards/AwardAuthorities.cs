using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Host.Awards;

/// <summary>The authority of each award form of a stored rule-set version (the version a run is pinned to).</summary>
internal static class AwardAuthorities
{
    public static ImmutableDictionary<string, AwardAuthority?> Of(PublishedRuleSets ruleSets, RuleSetVersion version) =>
        (ruleSets.Read(version).Document?.RuleSet.Awards ?? [])
            .ToImmutableDictionary(a => a.Id, a => a.Authority, StringComparer.Ordinal);
}
