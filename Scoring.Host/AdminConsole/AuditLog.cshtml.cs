using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The audit log, filtered by entity, actor and time (local days of Hà Nội), a page of <see cref="PageSize"/> entries at a
/// time, with each entry's before and after hashes. Two checks: every chain of the WHOLE log (<see cref="AuditLogCheck"/>,
/// whatever the filters and page), and each chain the page's entries belong to, read whole (not only the filtered part):
/// unbroken or broken at the first entry whose before hash is not the previous after hash.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class AuditLogModel(ScoringDbContext db) : ConsolePageModel
{
    public const string Path = Root + "/nhat-ky";

    /// <summary>Entries shown on one page, newest first.</summary>
    public const int PageSize = 100;

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    [BindProperty(SupportsGet = true, Name = "doiTuong")]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "khoa")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "nguoi")]
    public string? ActorText { get; set; }

    [BindProperty(SupportsGet = true, Name = "tu")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "den")]
    public string? To { get; set; }

    /// <summary>The page asked for (1 is the newest entries); a page beyond the last shows the last.</summary>
    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many entries match the filters, over every page.</summary>
    public int Matching { get; private set; }

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public AuditLogCheck Whole { get; private set; } = new(0, 0, []);

    public IReadOnlyList<string> Entities { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<AuditChain> Chains { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The chain an entry belongs to and whether the link from the previous entry holds (null for a chain's first entry).</summary>
    public (AuditChain Chain, bool? LinkHolds) Link(AuditEntry entry)
    {
        var chain = Chains.First(c => c.Entity == entry.Entity && c.Key == entry.EntityKey && c.Kind == AuditChain.KindOf(entry));
        var index = chain.Entries.ToList().FindIndex(e => e.Id == entry.Id);
        return (chain, index == 0 ? null : chain.Entries[index].BeforeSha256 == chain.Entries[index - 1].AfterSha256);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await db.AuditLog.AsNoTracking().Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.Entity == Entity);
        }

        if (!string.IsNullOrWhiteSpace(Key))
        {
            var key = Key.Trim();
            query = query.Where(a => a.EntityKey.Contains(key));
        }

        if (!string.IsNullOrWhiteSpace(ActorText))
        {
            var actor = ActorText.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }

        var errors = new List<string>();
        if (Day(From, "Từ ngày", errors) is { } from)
        {
            var start = from.AtStartOfDayInZone(Zone).ToInstant();
            query = query.Where(a => a.At >= start);
        }

        if (Day(To, "Đến ngày", errors) is { } to)
        {
            var end = to.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();
            query = query.Where(a => a.At < end);
        }

        Errors = errors;
        Matching = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Whole = await AuditLogCheck.RunAsync(db, ct);
        var keys = Entries.Select(e => e.EntityKey).Distinct(StringComparer.Ordinal).ToList();
        var whole = await db.AuditLog.AsNoTracking().Where(a => keys.Contains(a.EntityKey)).ToListAsync(ct);
        var shown = Entries.Select(e => (e.Entity, e.EntityKey, AuditChain.KindOf(e))).ToHashSet();
        Chains = AuditChain.Of(whole).Where(c => shown.Contains((c.Entity, c.Key, c.Kind))).ToList();
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["doiTuong"] = Entity, ["khoa"] = Key, ["nguoi"] = ActorText, ["tu"] = From, ["den"] = To,
            ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    /// <summary>A day typed as dd/MM/yyyy or chosen in a date field (yyyy-MM-dd); null when blank or wrong (then an error says so).</summary>
    private static LocalDate? Day(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var pattern in new[] { LocalDatePattern.Iso, LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu") })
        {
            if (pattern.Parse(text.Trim()) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        errors.Add($"{field} “{text}” không phải ngày dạng dd/MM/yyyy; bộ lọc này không được áp dụng.");
        return null;
    }
}
