using System.Collections.Concurrent;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Catalog.Tests.Samples;

/// <summary>
/// Loads a tenant the way the `score` verb does: every rule set of rules-catalog/&lt;tenant&gt;, indicator types from
/// the rule sets completed by rules-catalog/indicators.csv, then samples/&lt;tenant&gt; with the data folder reader.
/// Loaded once per tenant for the whole test run (the files do not change while the tests run).
/// </summary>
internal static class SampleLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<LoadedTenant>> Cache = new(StringComparer.Ordinal);

    public static LoadedTenant Load(string tenant) =>
        Cache.GetOrAdd(tenant, t => new Lazy<LoadedTenant>(() => LoadUncached(t))).Value;

    private static LoadedTenant LoadUncached(string tenant)
    {
        var folder = RuleSetLoader.LoadFolder(SamplePaths.Rules(tenant));
        var ruleSetErrors = folder.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
        var documents = folder.Documents.ToList();

        var csvErrors = new List<DataError>();
        var vocabulary = IndicatorCatalog.FromCsv(SamplePaths.IndicatorsCsv, csvErrors);
        ruleSetErrors.AddRange(csvErrors.Select(e => e.ToString()));
        var catalog = IndicatorCatalog.FromRuleSets(documents.Select(d => d.RuleSet)).With(vocabulary);

        var data = DataFolderReader.Read(SamplePaths.Data(tenant), catalog);
        return new LoadedTenant([.. documents], data, [.. ruleSetErrors]);
    }
}
