using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using System.Text.Json;

namespace Scoring.Host.Submissions;

/// <summary>Reads a submission's current values and its API shape, and names its status, for the API, the workflows and the pages.</summary>
internal static class SubmissionReader
{
    public static async Task<SubmissionDto> ToDtoAsync(ScoringDbContext db, Submission s, CancellationToken ct, IReadOnlyDictionary<string, string>? values = null)
    {
        values ??= await CurrentValuesAsync(db, s, ct);
        var evidence = s.Id == 0 ? [] : await db.EvidenceFiles.AsNoTracking().Where(e => e.SubmissionId == s.Id).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt }).ToListAsync(ct);
        return new SubmissionDto(s.TenantCode, s.UnitCode, s.Year, StatusName(s.Status), s.CurrentRevision,
            s.SubmittedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null, s.Late, s.Comments, values,
            evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, InstantPattern.ExtendedIso.Format(e.UploadedAt))).ToList());
    }

    public static async Task<IReadOnlyDictionary<string, string>> CurrentValuesAsync(ScoringDbContext db, Submission s, CancellationToken ct)
    {
        var json = await db.SubmissionRevisions.AsNoTracking().Where(r => r.SubmissionId == s.Id && r.Number == s.CurrentRevision)
            .Select(r => r.ValuesJson).FirstOrDefaultAsync(ct);
        return json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
    }

    public static string StatusName(SubmissionStatus status) => status.ToString().ToLowerInvariant();

    public static string StatusText(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "nháp",
        SubmissionStatus.Submitted => "đã nộp",
        SubmissionStatus.Returned => "bị trả lại",
        SubmissionStatus.Reviewed => "đã thẩm định",
        _ => "đã khóa",
    };
}
