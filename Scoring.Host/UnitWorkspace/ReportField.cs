using Scoring.Rules.Model;

namespace Scoring.Host.UnitWorkspace;

/// <summary>One indicator of the report form: its definition, the value shown, where an imported value came from, its evidence and its error.</summary>
internal sealed record ReportField(IndicatorDefinition Indicator, string Shown, string? ImportedFrom, IReadOnlyList<EvidenceDto> Evidence, string? Error)
{
    public bool ReadOnly => Indicator.Source == IndicatorSource.Imported;

    public string InputId => "gt-" + Indicator.Id;
}
