namespace Scoring.Host.Groups;

/// <summary>A cluster (cụm) or bloc (khối) of one year with its members.</summary>
internal sealed class Group
{
    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public int Year { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public List<GroupMember> Members { get; set; } = [];
}
