using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Publishing a rule set, shared by the API and the workbench: validate with <see cref="RuleSetIntake"/>, check the tenant,
/// store a new immutable version with its audit entry. The same id, version and hash answers with the stored version
/// (nothing changes, also after losing a race); another hash, or an id another tenant owns, is a conflict.
/// </summary>
internal sealed class RuleSetPublication(ScoringDbContext db, AuditTrail audit, IClock clock)
{
    public async Task<RuleSetPublishOutcome> PublishAsync(byte[] body, string fileName, Actor actor, CancellationToken ct)
    {
        var result = RuleSetIntake.Inspect(body, fileName);
        if (!result.Valid)
        {
            return new RuleSetPublishOutcome(RuleSetPublishStatus.Invalid, null,
                $"Bộ tiêu chí có {result.Diagnostics.Count(d => d.Severity == Scoring.Rules.Validation.DiagnosticSeverity.Error)} lỗi; chưa công bố.", result);
        }

        if (!actor.InTenant(result.Tenant!))
        {
            return new RuleSetPublishOutcome(RuleSetPublishStatus.Forbidden, null, $"Bạn không được công bố bộ tiêu chí của '{result.Tenant}'.", result);
        }

        if (await ExistingAsync(result, ct) is { } answer)
        {
            return answer;
        }

        var version = new RuleSetVersion
        {
            RuleSetId = result.Id!, Version = result.Version!, Tenant = result.Tenant!, Title = result.Title!, Sha256 = result.Sha256!, Json = result.Json!,
            PublishedAt = clock.GetCurrentInstant(), PublishedBy = actor.Name,
        };
        db.RuleSetVersions.Add(version);
        audit.Record(db, actor, "ruleset.publish", "rule-set", $"{version.RuleSetId}@{version.Version}", null, new { version.Sha256 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent publish stored this id and version first (unique index), or another tenant took the id (0006's
            // trigger): answer as if ours had come second, so an identical publish stays idempotent.
            db.ChangeTracker.Clear();
            return await ExistingAsync(result, ct) ?? throw new InvalidOperationException($"Không lưu được {version.RuleSetId}@{version.Version}.");
        }

        return new RuleSetPublishOutcome(RuleSetPublishStatus.Created, version, null, result);
    }

    /// <summary>
    /// The answer when the id is already taken: a conflict when another tenant owns it (a tenant never publishes over
    /// another's rule set), the stored version when the same content is published, a conflict when that version holds other
    /// content. Null when the version can be published.
    /// </summary>
    private async Task<RuleSetPublishOutcome?> ExistingAsync(RuleSetIntakeResult result, CancellationToken ct)
    {
        var (id, version, tenant) = (result.Id!, result.Version!, result.Tenant!);
        var owner = await db.RuleSetVersions.AsNoTracking().Where(r => r.RuleSetId == id && r.Tenant != tenant)
            .OrderBy(r => r.Id).Select(r => r.Tenant).FirstOrDefaultAsync(ct);
        if (owner is not null)
        {
            return new RuleSetPublishOutcome(RuleSetPublishStatus.Conflict, null,
                $"Mã bộ tiêu chí '{id}' đã được '{owner}' công bố; '{tenant}' không công bố được dưới mã này. Hãy đặt mã riêng (ví dụ bắt đầu bằng '{tenant}.').", result);
        }

        var existing = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.RuleSetId == id && r.Version == version, ct);
        if (existing is null)
        {
            return null;
        }

        return existing.Sha256 == result.Sha256
            ? new RuleSetPublishOutcome(RuleSetPublishStatus.AlreadyPublished, existing, null, result)
            : new RuleSetPublishOutcome(RuleSetPublishStatus.Conflict, null,
                $"Phiên bản {version} của '{id}' đã công bố với nội dung khác; bản đã công bố không bao giờ thay đổi. Hãy tăng số phiên bản.", result);
    }
}
