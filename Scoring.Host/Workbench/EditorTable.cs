namespace Scoring.Host.Workbench;

/// <summary>An array edited as a table (band rows, grades, tie-breakers, indicators): one row per element, one column per property.</summary>
internal sealed record EditorTable(string ArrayPath, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<EditorTableRow> Rows, string AddLabel);
