using Scoring.Engine.Reviews;

namespace Scoring.Host.Reviews;

/// <summary>
/// A phase review as aligned text: per rule set, each cluster/bloc's phase ranking (rank, code, name, each measure,
/// phase grade, proposed award), then the tenant ranking's top and the phase award proposals, then the yearly runs used.
/// </summary>
internal static class ReviewTableWriter
{
    public static void Write(PhaseReviewRun run, string tenantName, TextWriter output)
    {
        foreach (var part in run.Parts)
        {
            var result = part.Result;
            output.WriteLine($"{result.Title} – {tenantName}");
            output.WriteLine($"Bộ tiêu chí: {part.Document.RuleSet.Title} ({result.RuleSet.Id}@{result.RuleSet.Version}, SHA-256 {result.RuleSet.Sha256[..12]})");
            output.WriteLine("Kết quả hằng năm đã dùng: " + string.Join("; ", part.Sources.Select(s => $"{s.Year} {s.RuleSetId}@{s.Version} (dữ liệu {s.InputsHash[..12]})")));
            var awardTitles = result.Awards.GroupBy(a => a.Award).ToDictionary(a => a.Key, a => a.First().AwardTitle);
            foreach (var group in result.Groups)
            {
                output.WriteLine();
                output.WriteLine($"{TableWriter.KindTitle(group.Kind)} {group.Code} – {group.Name} ({group.Ranking.Count(u => u.Rank is not null)} đơn vị được xếp hạng)");
                WriteRanking(output, group.Ranking, awardTitles);
            }

            output.WriteLine();
            if (result.Awards.IsEmpty)
            {
                output.WriteLine("Đề nghị khen thưởng giai đoạn: không có đơn vị nào đủ điều kiện.");
            }
            else
            {
                output.WriteLine($"Đề nghị khen thưởng giai đoạn ({result.Awards.Length}):");
                foreach (var award in result.Awards)
                {
                    output.WriteLine($"  - {award.AwardTitle}: {award.UnitCode} {award.UnitName} (cụm/khối {award.Group}, hạng {award.Rank}, {Numbers.Vn(award.Total)}){(award.TieAtCut ? " – đồng điểm tại ngưỡng, Hội đồng quyết định" : string.Empty)}");
                    output.WriteLine($"    {award.Reason}");
                }
            }

            foreach (var note in result.Notes)
            {
                output.WriteLine($"Ghi chú: {note}");
            }

            output.WriteLine();
        }

        foreach (var note in run.Notes)
        {
            output.WriteLine($"Ghi chú: {note}");
        }
    }

    private static void WriteRanking(TextWriter output, IReadOnlyList<PhaseUnitResult> ranking, Dictionary<string, string> awardTitles)
    {
        var measures = ranking.FirstOrDefault()?.Measures ?? [];
        string[] headers = ["Hạng", "Mã", "Tên đơn vị", "Số năm", .. measures.Select(m => m.Title), "Xếp loại giai đoạn", "Đề nghị khen thưởng"];
        var rows = ranking.Select(u => (string[])
        [
            u.Rank is { } r ? (u.Tied ? $"{r}=" : r.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "–",
            u.Code,
            u.Name,
            u.YearsScored.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. u.Measures.Select(m => Numbers.Vn(m.Value)),
            u.GradeTitle ?? string.Empty,
            u.Award is { } a ? awardTitles.GetValueOrDefault(a, a) : u.Rank is null ? "(không xếp hạng)" : string.Empty,
        ]).ToList();
        TableWriter.WriteAligned(output, headers, rows, [0, 3, .. Enumerable.Range(4, measures.Length)]);
    }
}
