using System.Collections.Immutable;
using Scoring.Rules.Loading;

namespace Scoring.Host.Cli;

/// <summary>
/// `diff &lt;old&gt; &lt;new&gt; [--data &lt;folder&gt; --year &lt;yyyy&gt;]`: criteria added, removed and changed between two
/// rule sets and, given data, the units whose rank or award changes.
/// </summary>
internal sealed class DiffVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "diff",
        "diff <cũ> <mới> [--data <thư mục> --year <yyyy>]",
        "So sánh hai phiên bản bộ tiêu chí: tiêu chí thêm, bỏ, thay đổi (điểm, ngưỡng, công thức);\nkhi có dữ liệu, liệt kê đơn vị đổi thứ hạng hoặc khen thưởng.",
        [
            new("--data", "thư mục", "thư mục dữ liệu để chấm thử bằng cả hai phiên bản"),
            new("--year", "yyyy", "năm chấm thử (cần cùng --data)"),
        ],
        2,
        2);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var oldPath = args.Positionals[0];
        var newPath = args.Positionals[1];
        if (args.Has("--data") != args.Has("--year"))
        {
            throw new CliException("--data và --year phải đi cùng nhau: cần cả thư mục dữ liệu và năm để chấm thử.");
        }

        var year = args.Has("--year") ? args.RequireYear() : 0;
        var oldSets = RuleSetInputs.Load(oldPath, "Bộ tiêu chí cũ");
        var newSets = RuleSetInputs.Load(newPath, "Bộ tiêu chí mới");
        RuleSetChanges.Write(oldSets, newSets, context.Output);

        if (args.Get("--data") is { } dataPath)
        {
            var kinds = newSets.Concat(oldSets).SelectMany(d => d.RuleSet.UnitKinds).ToHashSet();
            // The data folder holds every kind of unit: their indicators are declared in the catalog's indicators.csv, found
            // near the new version or, when that is a lone file elsewhere (a draft), near the old one.
            var vocabularyNear = IndicatorCatalog.Locate(newPath) is null ? oldPath : newPath;
            var dataset = ScoringSession.LoadData(dataPath, [.. newSets, .. oldSets], vocabularyNear, context);
            var data = dataset.Input.WithKinds(kinds);
            var before = ScoringSession.Score(oldSets, data, year, context);
            var after = ScoringSession.Score(newSets, data, year, context);
            WriteImpact(RankImpact.Compare(before, after), year, dataset.Tenant.Name, context.Output);
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    private static void WriteImpact(ImmutableArray<RankChange> changes, int year, string tenant, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Ảnh hưởng đến thứ hạng và khen thưởng năm {year} – {tenant}:");
        if (changes.IsEmpty)
        {
            output.WriteLine("  Không có đơn vị nào đổi thứ hạng hay khen thưởng.");
            return;
        }

        foreach (var change in changes)
        {
            var parts = new List<string>();
            if (change.RankChanged)
            {
                parts.Add($"hạng {RankText(change.OldRank, change.OldTied)} → {RankText(change.NewRank, change.NewTied)}");
            }

            parts.Add($"điểm {Total(change.OldTotal)} → {Total(change.NewTotal)}");
            if (change.AwardChanged)
            {
                parts.Add($"khen thưởng {AwardText(change.OldAward, change.OldTieAtCut)} → {AwardText(change.NewAward, change.NewTieAtCut)}");
            }

            output.WriteLine($"  {change.Group} {change.UnitCode} {change.UnitName}: {string.Join("; ", parts)}");
        }

        output.WriteLine($"  Tổng cộng {changes.Length} đơn vị thay đổi.");
    }

    private static string RankText(int? rank, bool tied) => rank is null ? "không xếp hạng" : tied ? $"{rank}=" : $"{rank}";

    private static string AwardText(string? award, bool tieAtCut) =>
        award is null ? "không" : tieAtCut ? $"{award} (đồng hạng tại ngưỡng, Hội đồng bỏ phiếu)" : award;

    private static string Total(decimal? total) => total is null ? "–" : Numbers.Vn(total.Value);
}
