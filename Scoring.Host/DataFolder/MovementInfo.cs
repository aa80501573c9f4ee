using NodaTime;

namespace Scoring.Host.DataFolder;

/// <summary>The movement a tenant runs: its yearly report deadline is a local day and month in <see cref="TimeZone"/>.</summary>
internal sealed record MovementInfo(string Id, string Title, string? Plan, AnnualDate ReportDeadline, DateTimeZone TimeZone);
