namespace Scoring.Host.Groups;

public sealed record GroupDto(string Code, string Name, string Kind, int Year, IReadOnlyList<GroupMemberDto> Members);
