namespace Scoring.Host.Tenants;

/// <summary>
/// A movement: <c>reportDeadline</c> is "MM-dd", local time in <c>timeZone</c>. <c>councilStep</c>: its runs are published only
/// after every award proposal has been appraised and decided by the emulation council (default false: published as they are).
/// </summary>
public sealed record MovementDto(string Code, string Title, string? Plan, string ReportDeadline, string TimeZone = "Asia/Ho_Chi_Minh", bool CouncilStep = false);
