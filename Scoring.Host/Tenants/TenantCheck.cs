using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Tenants;

/// <summary>The one answer for a tenant code that names no tenant: 404, in the words every endpoint uses.</summary>
internal static class TenantCheck
{
    /// <summary>404 when <paramref name="tenant"/> does not exist; null when it does.</summary>
    public static async Task<ProblemHttpResult?> MissingAsync(ScoringDbContext db, string tenant, CancellationToken ct) =>
        await db.Tenants.AnyAsync(t => t.Code == tenant, ct) ? null : Problems.NotFound(Missing(tenant));

    /// <summary>The reason, for services that answer with an outcome rather than HTTP.</summary>
    public static string Missing(string tenant) => $"Không có đơn vị chủ quản '{tenant}'.";
}
