using System.Collections.Immutable;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Host.Awards;

/// <summary>The authority of each award form of a stored rule-set version (the version a run is pinned to).</summary>
internal static class AwardAuthorities
{
    public static ImmutableDictionary<string, AwardAuthority?> Of(RuleSetVersion version) =>
        (RuleSetLoader.LoadText(version.Json, $"{version.RuleSetId}@{version.Version}").Document?.RuleSet.Awards ?? [])
            .ToImmutableDictionary(a => a.Id, a => a.Authority, StringComparer.Ordinal);
}
