namespace Scoring.Host.Workbench;

/// <summary>What one import form's fields show: its prefix for element ids, the choices, what was entered, the accepted files.</summary>
internal sealed record ImportFieldsView(string Prefix, IReadOnlyList<ImportTarget> Targets, string? Target, string? RuleSetId, string? Version, string Accept, string FileHint);
