using NodaTime;

namespace Scoring.Host.Secretariat;

/// <summary>One member unit on the board: its report's board status, workflow state, first submission and comments.</summary>
internal sealed record BoardRow(string Unit, string Name, BoardStatus Status, SubmissionStatus? Workflow, Instant? SubmittedAt, string? Comments);
