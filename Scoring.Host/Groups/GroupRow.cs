namespace Scoring.Host.Groups;

/// <summary>One group as its rows describe it: code, name, kind and members (unit and role) in row order; <see cref="Row"/> is its first row.</summary>
internal sealed record GroupRow(int Row, string Code, string Name, string Kind, IReadOnlyList<GroupMemberDto> Members)
{
    public GroupDto ToDto(int year) => new(Code, Name, Kind, year, Members);
}
