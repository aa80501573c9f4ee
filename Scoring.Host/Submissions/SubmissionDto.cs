namespace Scoring.Host.Submissions;

/// <summary>A submission's head and its current values. <c>submittedAt</c> is an ISO instant; <c>late</c> is judged against the local deadline.</summary>
public sealed record SubmissionDto(
    string Tenant, string Unit, int Year, string Status, int Revision, string? SubmittedAt, bool Late, string? Comments,
    IReadOnlyDictionary<string, string> Values, IReadOnlyList<EvidenceDto> Evidence);
