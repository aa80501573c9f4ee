namespace Scoring.Host.Workbench;

/// <summary>One input of the structured editor: the JSON path it edits, its label, and the value as shown.</summary>
internal sealed record EditorField(string Path, string Label, FieldKind Kind, string Value, IReadOnlyList<FieldOption>? Options = null, string? Hint = null)
{
    /// <summary>The form name: the kind and the JSON path, so saving needs no knowledge of the page.</summary>
    public string Name => DraftFormInput.NameOf(Kind, Path);

    /// <summary>The element id: the path with anything but letters and digits as '-'.</summary>
    public string Id => WorkbenchPaths.AnchorOf(Path);

    /// <summary>Long texts (titles, expressions) take the whole row of the form.</summary>
    public bool Wide => Kind is FieldKind.Map or FieldKind.Json || Kind == FieldKind.Text && (Path.EndsWith(".title", StringComparison.Ordinal) || Path.EndsWith(".formula", StringComparison.Ordinal)
        || Path.EndsWith(".condition", StringComparison.Ordinal) || Path.EndsWith(".eligibility", StringComparison.Ordinal) || Path.EndsWith(".source", StringComparison.Ordinal));
}
