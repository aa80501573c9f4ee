namespace Scoring.Host.Groups;

/// <summary>A unit's membership of a group: head, deputy or member.</summary>
internal sealed class GroupMember
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public required string UnitCode { get; set; }

    public GroupRole Role { get; set; }
}
