using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Loading;
using Scoring.Rules.Versions;

namespace Scoring.Host.Workbench;

/// <summary>
/// The simulator: a chosen year of the tenant's stored data, or of the tenant's folder of the host's samples, scored with
/// the draft and with a published version, side by side (total, grade, rank, award; what changed). A GET: it stores nothing.
/// </summary>
internal sealed class SimulatorModel(ScoringDbContext db, RuleSetDrafts drafts, PublishedRuleSets published, DraftSimulator simulator) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Version { get; set; } = "";

    [FromQuery(Name = "nam")]
    public int? Year { get; set; }

    [FromQuery(Name = "so-voi")]
    public string? CompareWith { get; set; }

    /// <summary><see cref="Stored"/> (the default) or <see cref="Samples"/>.</summary>
    [FromQuery(Name = "nguon")]
    public string? Source { get; set; }

    public const string Stored = "da-luu";

    public const string Samples = "mau";

    public bool FromSamples => Source == Samples;

    /// <summary>Whether the host has a samples folder at all: without one the choice is not offered.</summary>
    public bool SamplesOffered { get; private set; }

    /// <summary>The tenant's samples, read when the host has them; its problem says why there are none.</summary>
    public SampleData? SampleData { get; private set; }

    public RuleSetDraft Draft { get; private set; } = null!;

    public DraftCheck Check { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The years offered: those of the stored groups and those of the samples (a year missing from the chosen source is refused with a reason).</summary>
    public IReadOnlyList<int> YearChoices => Years.Union(SampleData?.Years ?? []).OrderDescending().ToList();

    public IReadOnlyList<string> PublishedVersions { get; private set; } = [];

    public IReadOnlyList<SimulationRow>? Rows { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        if (await drafts.FindAsync(Id, Version, ct) is not { } draft)
        {
            return Missing($"Không có bản nháp {Version} của bộ tiêu chí '{Id}' (có thể đã được công bố hoặc xóa).");
        }

        Draft = draft;
        if (RefuseOutside(draft.Tenant) is { } outside)
        {
            return outside;
        }

        Check = DraftCheck.Of(draft);
        Years = await db.Groups.AsNoTracking().Where(g => g.TenantCode == draft.Tenant).Select(g => g.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.RuleSetId == Id).ToListAsync(ct);
        PublishedVersions = versions.Select(v => v.Version).OrderByDescending(v => v, SemanticVersion.StringComparer).ToList();
        CompareWith ??= PublishedVersions.Contains(draft.BasedOnVersion ?? "") ? draft.BasedOnVersion : PublishedVersions.FirstOrDefault();
        var baseline = versions.FirstOrDefault(v => v.Version == CompareWith);
        SamplesOffered = simulator.SamplesRoot is not null;
        if (Source is not null && Source != Stored && Source != Samples)
        {
            Problem = $"Nguồn dữ liệu '{Source}' không có; hãy chọn 'dữ liệu đã lưu' hoặc 'dữ liệu mẫu (samples)'.";
            Source = Stored;
            return Page();
        }

        if (FromSamples && !SamplesOffered)
        {
            Problem = "Máy chủ này chạy không có thư mục dữ liệu mẫu (samples), nên chỉ chấm thử được trên dữ liệu đã lưu.";
            Source = Stored;
            return Page();
        }

        if (SamplesOffered)
        {
            // The samples' values are typed by the rule sets at hand, as `score --rules … --data …` types them.
            var typing = new List<RuleSetDocument>();
            if (baseline is not null)
            {
                typing.Add(published.Document(baseline));
            }

            if (Check.Load.Succeeded)
            {
                typing.Add(Check.Load.Document!);
            }

            SampleData = simulator.ReadSamples(draft.Tenant, typing);
        }

        if (Year is not { } year)
        {
            return Page();
        }

        if (!Check.Load.Succeeded)
        {
            Problem = "Bản nháp còn lỗi nên chưa chấm thử được; hãy sửa hết lỗi trong thẻ Biểu mẫu.";
            return Page();
        }

        if (baseline is null)
        {
            Problem = "Bộ tiêu chí này chưa có phiên bản đã công bố để so sánh.";
            return Page();
        }

        if (FromSamples)
        {
            if (SampleData!.Dataset is not { } data)
            {
                Problem = SampleData.Problem;
                return Page();
            }

            if (!SampleData.Years.Contains(year))
            {
                Problem = $"Dữ liệu mẫu của '{draft.Tenant}' không có cụm/khối năm {year}; dữ liệu mẫu có các năm {string.Join(", ", SampleData.Years.Order())}.";
                return Page();
            }

            (Rows, Problem) = simulator.CompareSamples(data, year, published.Document(baseline), Check.Load.Document!);
            return Page();
        }

        if (!Years.Contains(year))
        {
            Problem = $"Chưa có dữ liệu cụm/khối năm {year} của '{draft.Tenant}'.";
            return Page();
        }

        (Rows, Problem) = await simulator.CompareAsync(draft.Tenant, year, published.Document(baseline), Check.Load.Document!, ct);
        return Page();
    }
}
