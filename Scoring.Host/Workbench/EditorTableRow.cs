namespace Scoring.Host.Workbench;

/// <summary>One element of an <see cref="EditorTable"/>: its path and a field per column (in the table's column order).</summary>
internal sealed record EditorTableRow(string Path, string Heading, IReadOnlyList<EditorField> Cells);
