namespace Scoring.Host.Imports;

/// <summary>One data row of an imported table; <see cref="Number"/> is the row number as the user sees it (header = 1).</summary>
internal sealed record TabularRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : "";
}
