using Scoring.Rules.Validation;

namespace Scoring.Host.Workbench;

/// <summary>A list of diagnostics rendered beside a field, a row or a block, under one element id (for aria-describedby).</summary>
internal sealed record DiagnosticsView(string Id, IReadOnlyList<Diagnostic> List);
