using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The check of the WHOLE audit log, whatever a page shows: every entry read once in id order, each chain (see
/// <see cref="AuditChain"/>) followed link by link; the chains that break are listed with the first entry that does not
/// follow on. Only the last after hash of each chain is kept while reading, so the log is never held in memory.
/// </summary>
internal sealed record AuditLogCheck(int Entries, int Chains, IReadOnlyList<AuditChainBreak> Broken)
{
    public bool Unbroken => Broken.Count == 0;

    public static async Task<AuditLogCheck> RunAsync(ScoringDbContext db, CancellationToken ct)
    {
        var last = new Dictionary<(string Entity, string Key, string Kind), (string? After, int Count, long? BrokenAt)>();
        var entries = 0;
        await foreach (var e in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            entries++;
            var chain = (e.Entity, e.EntityKey, AuditChain.KindOf(e));
            last[chain] = last.TryGetValue(chain, out var seen)
                ? (e.AfterSha256, seen.Count + 1, seen.BrokenAt ?? (string.Equals(e.BeforeSha256, seen.After, StringComparison.Ordinal) ? null : e.Id))
                : (e.AfterSha256, 1, null);
        }

        var broken = last.Where(c => c.Value.BrokenAt is not null)
            .Select(c => new AuditChainBreak(c.Key.Entity, c.Key.Key, c.Key.Kind, c.Value.Count, c.Value.BrokenAt!.Value))
            .OrderBy(b => b.At).ToList();
        return new AuditLogCheck(entries, last.Count, broken);
    }
}
