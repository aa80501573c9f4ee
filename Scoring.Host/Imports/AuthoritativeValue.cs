namespace Scoring.Host.Imports;

/// <summary>An indicator value imported from an authority; it wins over a self-reported value.</summary>
internal sealed class AuthoritativeValue
{
    public long Id { get; set; }

    public long BatchId { get; set; }

    public required string TenantCode { get; set; }

    public int Year { get; set; }

    public required string UnitCode { get; set; }

    public required string Indicator { get; set; }

    public required string Value { get; set; }
}
