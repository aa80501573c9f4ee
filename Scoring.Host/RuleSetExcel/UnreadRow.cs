namespace Scoring.Host.RuleSetExcel;

/// <summary>A row of an imported scoring table that the importer could not turn into the draft, for the maintainer to finish.</summary>
internal sealed record UnreadRow(string Sheet, int Row, string Text, string Reason)
{
    public override string ToString() => $"Trang «{Sheet}», dòng {Row}: {Reason}. Nội dung: «{Text}»";
}
