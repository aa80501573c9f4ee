namespace Scoring.Host.Runs;

/// <summary>One unit's outcome in a run: rank in its group, total, grade, award, and the card as JSON.</summary>
internal sealed class UnitResult
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public required string GroupCode { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    public int Rank { get; set; }

    public decimal Total { get; set; }

    public required string Grade { get; set; }

    public string? Award { get; set; }

    public required string CardJson { get; set; }
}
