using Scoring.Rules.Validation;

namespace Scoring.Host.Workbench;

/// <summary>What the field partial renders: the field, its diagnostics, and whether it sits in a table cell (label hidden visually).</summary>
internal sealed record FieldView(EditorField Field, IReadOnlyList<Diagnostic> Diagnostics, bool InTable);
