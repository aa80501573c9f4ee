namespace Scoring.Host.Workbench;

/// <summary>One draft an importer made: its rule-set JSON and what it could not read (null: nothing to report).</summary>
internal sealed record DraftImport(string Json, ImportReport? Report);
