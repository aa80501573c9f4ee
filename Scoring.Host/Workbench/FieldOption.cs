namespace Scoring.Host.Workbench;

/// <summary>One choice of a <see cref="FieldKind.Choice"/> field: the value written in the JSON and how it reads.</summary>
internal sealed record FieldOption(string Value, string Text);
