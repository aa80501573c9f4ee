namespace Scoring.Host.DataFolder;

/// <summary>A member of a group for one year; role is head, deputy or member.</summary>
internal sealed record GroupMemberRow(string Unit, string Role);
