namespace Scoring.Host.Tenants;

/// <summary>A movement: <c>reportDeadline</c> is "MM-dd", local time in <c>timeZone</c>.</summary>
public sealed record MovementDto(string Code, string Title, string? Plan, string ReportDeadline, string TimeZone = "Asia/Ho_Chi_Minh");
