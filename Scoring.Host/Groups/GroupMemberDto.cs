namespace Scoring.Host.Groups;

/// <summary>A member: role is "head", "deputy" or "member".</summary>
public sealed record GroupMemberDto(string Unit, string Role);
