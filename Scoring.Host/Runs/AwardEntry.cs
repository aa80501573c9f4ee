namespace Scoring.Host.Runs;

/// <summary>One line of a run's award list.</summary>
internal sealed class AwardEntry
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public required string Award { get; set; }

    public required string AwardTitle { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    public required string GroupCode { get; set; }

    public int Rank { get; set; }

    public decimal Total { get; set; }

    public bool TieAtCut { get; set; }

    public required string Reason { get; set; }
}
