using Scoring.Engine;
using Scoring.Rules.Loading;

namespace Scoring.Host.Workbench;

/// <summary>
/// Scores one year with two rule sets through the pipeline the runs and the command line share, and sets the units side
/// by side: either the tenant's stored data (what a run would freeze now) or the tenant's folder of the host's samples, read
/// by the command line's data-folder reader as `score --data` reads it. Nothing is stored: no run, no result, no audit entry.
/// </summary>
internal sealed class DraftSimulator(ScoringDbContext db, IConfiguration configuration)
{
    private const int ProblemsShown = 5;

    /// <summary>The samples folder the host seeds from (<c>Seed:SamplesDirectory</c>, else found as the seeder finds it); null when there is none.</summary>
    public string? SamplesRoot =>
        (configuration["Seed:SamplesDirectory"] ?? SampleSeeder.Locate("samples")) is { } root && Directory.Exists(root) ? Path.GetFullPath(root) : null;

    public async Task<(IReadOnlyList<SimulationRow> Rows, string? Problem)> CompareAsync(string tenant, int year, RuleSetDocument from, RuleSetDocument to, CancellationToken ct)
    {
        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year, [], to.RuleSet.Movement, ct);
        return Compare(from, to, document => Pipeline().Run([document], RunScoringInput.From(RunInputsFilter.For(inputs, document.RuleSet), document.RuleSet), year,
            RunScoringInput.ComputedHistory(inputs)));
    }

    /// <summary>
    /// Reads <paramref name="tenant"/>'s samples folder, typing values by <paramref name="ruleSets"/> and then by the
    /// indicator vocabulary, as the command line does with `--rules` and `--data`.
    /// </summary>
    public SampleData ReadSamples(string tenant, IReadOnlyList<RuleSetDocument> ruleSets)
    {
        if (SamplesRoot is not { } root)
        {
            return new(null, null, "Máy chủ này chạy không có thư mục dữ liệu mẫu (samples).");
        }

        var folder = Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, TenantFileReader.FileName)) && TenantFileReader.Read(Path.Combine(d, TenantFileReader.FileName), [])?.Code == tenant);
        if (folder is null)
        {
            return new(null, null, $"Thư mục dữ liệu mẫu không có dữ liệu của '{tenant}'.");
        }

        var catalog = IndicatorCatalog.FromRuleSets(ruleSets.Select(d => d.RuleSet));
        if (IndicatorCatalog.Locate(configuration["Seed:CatalogDirectory"] ?? root) is { } vocabulary)
        {
            catalog = catalog.With(IndicatorCatalog.FromCsv(vocabulary, []));
        }

        var read = DataFolderReader.Read(folder, catalog);
        if (!read.Succeeded)
        {
            var shown = string.Join(" ", read.Errors.Take(ProblemsShown).Select(e => e.ToString()));
            var more = read.Errors.Length > ProblemsShown ? $" … và {read.Errors.Length - ProblemsShown} lỗi khác." : "";
            return new(folder, null, $"Dữ liệu mẫu trong '{Path.GetFileName(folder)}' có {read.Errors.Length} lỗi: {shown}{more}");
        }

        return new(folder, read.Dataset, null);
    }

    /// <summary>
    /// Scores <paramref name="year"/> of a samples dataset with each rule set on the units of its own kinds (as `diff --data`
    /// narrows the folder): the totals and ranks `score` gives those units when the folder is scored with the tenant's rule sets.
    /// </summary>
    public (IReadOnlyList<SimulationRow> Rows, string? Problem) CompareSamples(TenantDataset data, int year, RuleSetDocument from, RuleSetDocument to)
    {
        var input = data.Input;
        return Compare(from, to, document => Pipeline().Run([document], input.WithKinds(document.RuleSet.UnitKinds.ToHashSet()), year));
    }

    // Drafts change under the same identity between saves: each pipeline compiles afresh rather than caching by hash.
    private static ScoringPipeline Pipeline() => new(d => ScoringEngine.Compile(d.RuleSet, d.Identity));

    private static (IReadOnlyList<SimulationRow> Rows, string? Problem) Compare(RuleSetDocument from, RuleSetDocument to, Func<RuleSetDocument, PipelineRun> score)
    {
        PipelineRun before, after;
        try
        {
            before = score(from);
            after = score(to);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return ([], $"Không chấm thử được: {e.Message}");
        }

        if (!before.Succeeded || !after.Succeeded)
        {
            return ([], "Không chấm thử được: " + string.Join(" ", before.Problems.Concat(after.Problems)));
        }

        var old = before.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var now = after.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var awardsFrom = from.RuleSet.Awards.ToDictionary(a => a.Id, a => a.Title, StringComparer.Ordinal);
        var awardsTo = to.RuleSet.Awards.ToDictionary(a => a.Id, a => a.Title, StringComparer.Ordinal);
        var rows = old.Keys.Union(now.Keys).Select(code =>
        {
            var hadOld = old.TryGetValue(code, out var o);
            var hasNew = now.TryGetValue(code, out var n);
            var (group, unit) = hasNew ? (n.Group, n.Unit) : (o.Group, o.Unit);
            return new SimulationRow(group.Code, group.Name, code, unit.Name,
                hadOld ? o.Unit.Rank : null, hadOld && o.Unit.Tied, hasNew ? n.Unit.Rank : null, hasNew && n.Unit.Tied,
                hadOld ? o.Unit.Total : null, hasNew ? n.Unit.Total : null,
                hadOld ? o.Unit.GradeTitle : null, hasNew ? n.Unit.GradeTitle : null,
                hadOld && o.Unit.Award is { } a ? awardsFrom.GetValueOrDefault(a, a) : null,
                hasNew && n.Unit.Award is { } b ? awardsTo.GetValueOrDefault(b, b) : null);
        });
        return (rows.OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.RankTo ?? int.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(), null);
    }
}
