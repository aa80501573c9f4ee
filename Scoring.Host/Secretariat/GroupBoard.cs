namespace Scoring.Host.Secretariat;

/// <summary>A cluster/bloc of a year with its member units' reports.</summary>
internal sealed record GroupBoard(string Tenant, int Year, string Code, string Name, IReadOnlyList<BoardRow> Rows)
{
    public int Count(BoardStatus status) => Rows.Count(r => r.Status == status);
}
