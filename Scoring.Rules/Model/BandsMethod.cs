using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>Ordered rows; the first row whose bounds contain the value gives its points. The last row must be a catch-all.</summary>
public sealed record BandsMethod(string Value, ImmutableArray<BandRow> Rows) : CriterionMethod
{
    public override string Name => "bands";
}
