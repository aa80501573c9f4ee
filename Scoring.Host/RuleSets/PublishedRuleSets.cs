using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Scoring.Engine;
using Scoring.Engine.Model;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Host.RuleSets;

/// <summary>
/// The host's one store of published rule sets, keyed by hash: the only place stored rule-set JSON is parsed (once per
/// SHA-256, with the shared loader), compiled through the host's <see cref="CompiledRuleSetCache"/>, and chosen for a year
/// with the one <see cref="RuleSetSelection"/>. A published version is immutable, so what is read once stays true.
/// </summary>
internal sealed class PublishedRuleSets(CompiledRuleSetCache compiled)
{
    private const string FileName = "rule-set.json";
    private readonly ConcurrentDictionary<string, Lazy<RuleSetLoadResult>> loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, RuleSetVersion> rows = new();

    /// <summary>
    /// The stored versions of <paramref name="ids"/>, read from the database once per id for the host's lifetime: a published
    /// version's row never changes (the database refuses updates and deletes), and the public pages would otherwise read
    /// every rule set's JSON again on every request.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, RuleSetVersion>> VersionsAsync(ScoringDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.Distinct().ToList();
        var missing = wanted.Where(id => !rows.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var version in await db.RuleSetVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).ToListAsync(ct))
            {
                rows.TryAdd(version.Id, version);
            }
        }

        return wanted.Where(rows.ContainsKey).ToDictionary(id => id, id => rows[id]);
    }

    /// <summary>The stored version read and validated by the loader; every diagnostic when it no longer loads.</summary>
    public RuleSetLoadResult Read(RuleSetVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return loaded.GetOrAdd(version.Sha256, _ => new Lazy<RuleSetLoadResult>(() => RuleSetLoader.LoadText(version.Json, FileName))).Value;
    }

    /// <summary>The loaded document of a stored version.</summary>
    /// <exception cref="InvalidOperationException">The stored JSON no longer loads (the message says why, in Vietnamese).</exception>
    public RuleSetDocument Document(RuleSetVersion version)
    {
        var result = Read(version);
        return result.Succeeded
            ? result.Document!
            : throw new InvalidOperationException("Bộ tiêu chí đã công bố không đọc được: " + string.Join(" ", result.Diagnostics.Select(d => d.Message)));
    }

    /// <inheritdoc cref="Document"/>
    public RuleSet RuleSet(RuleSetVersion version) => Document(version).RuleSet;

    /// <summary>The compiled rule set of a loaded document, compiled once per hash for the host's lifetime.</summary>
    public CompiledRuleSet Compile(RuleSetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return compiled.GetOrCompile(document.RuleSet, document.Identity);
    }

    /// <summary>
    /// The highest applicable version of each rule set among <paramref name="versions"/> (<see cref="RuleSetSelection"/>);
    /// versions that no longer load are never chosen.
    /// </summary>
    public IReadOnlyList<RuleSetVersion> Latest(IEnumerable<RuleSetVersion> versions, RuleSetQuery query) =>
        RuleSetSelection.Latest(versions.Where(v => Read(v).Succeeded), RuleSet, query);

    /// <summary>Of the versions of one rule set, the highest whose years cover <paramref name="year"/>; null when none.</summary>
    public RuleSetVersion? LatestFor(IEnumerable<RuleSetVersion> versions, int year) => Latest(versions, new RuleSetQuery(year)).FirstOrDefault();

    /// <summary>
    /// The rule sets that score a unit of <paramref name="unitKind"/> of <paramref name="tenant"/> in <paramref name="year"/>,
    /// ordered by id: of each rule set, the version in force for the year (as a run picks it), kept when its unit kinds include
    /// the unit's kind (<see cref="RuleSetSelection"/>, the command line's choice too).
    /// </summary>
    public async Task<IReadOnlyList<RuleSetVersion>> ForUnitAsync(ScoringDbContext db, string tenant, int year, string unitKind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct);
        return UnitKind.TryParse(unitKind, out var kind) ? Latest(versions, new RuleSetQuery(year, Kind: kind)) : [];
    }
}
