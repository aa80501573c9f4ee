namespace Scoring.Host.Data;

/// <summary>A member of a group for one year; role is head, deputy or member.</summary>
internal sealed record GroupMember(string Unit, string Role);
