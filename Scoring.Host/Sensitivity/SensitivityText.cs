using Scoring.Engine.Sensitivity;
using Scoring.Engine.Text;
using Scoring.Rules.Model;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// A sensitivity report as aligned Vietnamese text: per rule set the criteria that most often flip a group's leader,
/// then per cluster/bloc its leader's hold and each unit's chance of keeping its rank and its award.
/// </summary>
internal static class SensitivityText
{
    private static readonly string[] Headers = ["Hạng", "Mã", "Tên đơn vị", "Giữ hạng", "Hạng cao–thấp", "Khen thưởng", "Giữ khen thưởng"];

    /// <param name="ruleSets">The rule sets of the report, in the same order (for award titles).</param>
    public static void Write(SensitivityReport report, IReadOnlyList<RuleSet> ruleSets, string tenantName, TextWriter output)
    {
        output.WriteLine($"Độ nhạy của thứ hạng và khen thưởng – {tenantName}");
        output.WriteLine(
            $"{VnFormat.Integer(report.Samples)} lần lấy mẫu; điểm và ngưỡng của mỗi tiêu chí dao động trong ±{VnFormat.Number(report.SpreadPercent)}%; hạt giống {report.Seed}");
        for (var r = 0; r < report.RuleSets.Length; r++)
        {
            var set = report.RuleSets[r];
            var awards = ruleSets[r].Awards.ToDictionary(a => a.Id, a => a.Title, StringComparer.Ordinal);
            output.WriteLine();
            output.WriteLine($"Năm {set.Year} – Bộ tiêu chí: {set.Title} ({set.RuleSet.Id}@{set.RuleSet.Version}, SHA-256 {set.RuleSet.Sha256[..12]})");
            output.WriteLine(set.LeaderFlips.IsEmpty
                ? "Không lần lấy mẫu nào làm đổi đơn vị dẫn đầu cụm/khối."
                : "Tiêu chí hay làm đổi đơn vị dẫn đầu: " + string.Join("; ", set.LeaderFlips.Take(5).Select(f => $"{f.CriterionId} {f.Title} ({VnFormat.Integer(f.Flips)} lần)")));
            foreach (var group in set.Groups)
            {
                output.WriteLine();
                output.WriteLine(group.Leader is null
                    ? $"{group.Code} – {group.Name}: không có đơn vị được xếp hạng"
                    : $"{group.Code} – {group.Name}: {group.Leader} dẫn đầu trong {Share(report, group.LeaderKept)} số lần lấy mẫu");
                if (!group.FlipCriteria.IsEmpty)
                {
                    output.WriteLine("  Đổi người dẫn đầu do: " + string.Join("; ", group.FlipCriteria.Take(3).Select(f => $"{f.CriterionId} ({VnFormat.Integer(f.Flips)} lần)")));
                }
                var rows = group.Units.Select(u => new[]
                {
                    u.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    u.Code,
                    u.Name,
                    Share(report, u.RankKept),
                    u.BestRank == u.WorstRank ? $"{u.BestRank}" : $"{u.BestRank}–{u.WorstRank}",
                    u.Award is null ? "" : awards.GetValueOrDefault(u.Award, u.Award),
                    Share(report, u.AwardKept),
                }).ToList();
                TableWriter.WriteAligned(output, Headers, rows, rightAligned: [0, 3, 4, 6]);
            }
        }
    }

    private static string Share(SensitivityReport report, int count) => VnFormat.Percent(report.Share(count), 1);
}
