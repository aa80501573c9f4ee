using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Tenants;

/// <summary>
/// Creating or changing a tenant and its movements, for the API's PUT and the administrators' console: the body checked
/// (<see cref="TenantBody"/>; every deadline a real MM-dd day, every time zone known), movements added or changed (never
/// removed), the write audited, the yearly scoring rescheduled and this host's cached public pages evicted.
/// </summary>
internal sealed class TenantService(ScoringDbContext db, AuditTrail audit, YearlySchedule yearly, IOutputCacheStore pages)
{
    public async Task<TenantSaveOutcome> SaveAsync(Actor actor, string tenant, TenantDto body, CancellationToken ct)
    {
        if (Refusal(body) is { } refusal)
        {
            return TenantSaveOutcome.Refused(refusal);
        }

        var existing = await db.Tenants.FirstOrDefaultAsync(t => t.Code == tenant, ct);
        var movements = await db.Movements.Where(m => m.TenantCode == tenant).ToListAsync(ct);
        var before = existing is null ? null : TenantsApi.Snapshot(existing, movements);
        if (existing is null)
        {
            existing = new Tenant { Code = tenant, Name = body.Name };
            db.Tenants.Add(existing);
        }

        existing.Name = body.Name;
        foreach (var dto in body.Movements)
        {
            var movement = movements.FirstOrDefault(m => m.Code == dto.Code);
            if (movement is null)
            {
                movement = new Movement { TenantCode = tenant, Code = dto.Code, Title = dto.Title, ReportDeadline = dto.ReportDeadline };
                db.Movements.Add(movement);
                movements.Add(movement);
            }

            movement.Title = dto.Title;
            movement.Plan = dto.Plan;
            movement.ReportDeadline = dto.ReportDeadline;
            movement.TimeZone = dto.TimeZone;
            movement.CouncilStep = dto.CouncilStep;
        }

        audit.Record(db, actor, before is null ? "tenant.create" : "tenant.update", "tenant", tenant, before, TenantsApi.Snapshot(existing, movements));
        await db.SaveChangesAsync(ct);
        await yearly.SyncAsync(db, tenant, ct);
        // The public pages show the tenant's name and movements; other hosts' cached pages follow within their 60 s.
        await pages.EvictByTagAsync(PublishedPageCachePolicy.Tag, ct);
        return new TenantSaveOutcome(body with { Code = tenant }, before is null, null);
    }

    private static string? Refusal(TenantDto body)
    {
        if (TenantBody.Refusal(body) is { } missing)
        {
            return missing;
        }

        foreach (var m in body.Movements)
        {
            if (!IsDeadline(m.ReportDeadline))
            {
                return $"Hạn báo cáo '{m.ReportDeadline}' của phong trào '{m.Code}' phải có dạng MM-dd (ví dụ 11-10).";
            }

            if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(m.TimeZone) is null)
            {
                return $"Múi giờ '{m.TimeZone}' của phong trào '{m.Code}' không có; dùng Asia/Ho_Chi_Minh.";
            }
        }

        return null;
    }

    private static bool IsDeadline(string text) =>
        text.Length == 5 && text[2] == '-' && int.TryParse(text[..2], out var month) && int.TryParse(text[3..], out var day)
        && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2023, month);
}
