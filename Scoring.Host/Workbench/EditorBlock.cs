namespace Scoring.Host.Workbench;

/// <summary>
/// A part of the rule set in the structured editor (the header, a section, a criterion, an award…): its JSON path, its
/// fields, its tables, the blocks inside it, and the array a new child is added to.
/// </summary>
internal sealed record EditorBlock(string Path, string Heading, IReadOnlyList<EditorField> Fields)
{
    public IReadOnlyList<EditorTable> Tables { get; init; } = [];

    public IReadOnlyList<EditorBlock> Children { get; init; } = [];

    /// <summary>The array a "thêm" button appends to (null: nothing to add here).</summary>
    public string? AddTo { get; init; }

    public string? AddLabel { get; init; }

    /// <summary>Whether the block is an array element the maintainer may remove.</summary>
    public bool Removable { get; init; }

    public string Id => WorkbenchPaths.AnchorOf(Path);

    /// <summary>Every path rendered in the block, itself included (where a diagnostic can be shown).</summary>
    public IEnumerable<string> Anchors =>
        Fields.Select(f => f.Path)
            .Concat(Tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select(c => c.Path).Append(r.Path)).Append(t.ArrayPath)))
            .Concat(Children.SelectMany(c => c.Anchors))
            .Append(Path);
}
