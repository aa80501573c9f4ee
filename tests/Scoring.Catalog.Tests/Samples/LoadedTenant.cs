using System.Collections.Immutable;
using Scoring.Rules.Loading;

namespace Scoring.Catalog.Tests.Samples;

/// <summary>A tenant's sample data read with the command line's reader, with the tenant's rule sets from the catalog.</summary>
internal sealed record LoadedTenant(
    ImmutableArray<RuleSetDocument> RuleSets,
    DataLoadResult Data,
    ImmutableArray<string> RuleSetErrors)
{
    public TenantDataset Dataset => Data.Dataset ?? throw new InvalidOperationException(
        "The sample data did not load: " + string.Join(" | ", Data.Errors.Select(e => e.ToString())));
}
