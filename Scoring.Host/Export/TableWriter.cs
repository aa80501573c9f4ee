using System.Globalization;
using Scoring.Engine.Results;

namespace Scoring.Host.Export;

/// <summary>
/// The ranked lists as aligned text, one block per cluster/bloc: rank (ties "2="), code, name, total, grade, award;
/// then the award proposals. Column widths count characters, so Vietnamese names align in a terminal.
/// </summary>
internal static class TableWriter
{
    private static readonly string[] Headers = ["Hạng", "Mã", "Tên đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị khen thưởng"];

    public static void Write(IReadOnlyList<ExportInput> inputs, string tenantName, TextWriter output)
    {
        foreach (var input in inputs)
        {
            var result = input.Result;
            output.WriteLine($"Kết quả thi đua năm {result.Year} – {tenantName}");
            output.WriteLine($"Bộ tiêu chí: {input.RuleSet.Title} ({result.RuleSet.Id}@{result.RuleSet.Version}, SHA-256 {result.RuleSet.Sha256[..12]})");
            if (input.InputsHash is not null)
            {
                output.WriteLine($"Mã băm dữ liệu đầu vào: {input.InputsHash[..12]}");
            }

            foreach (var group in result.Groups)
            {
                output.WriteLine();
                output.WriteLine($"{KindTitle(group.Kind)} {group.Code} – {group.Name} ({group.Ranking.Length} đơn vị)");
                var decimals = group.Ranking.IsEmpty ? 0 : group.Ranking.Max(u => Numbers.Decimals(u.Total));
                var rows = group.Ranking.Select(u => new[]
                {
                    Numbers.Rank(u),
                    u.Code,
                    u.Name,
                    Numbers.Vn(u.Total, decimals),
                    u.GradeTitle,
                    input.AwardTitle(u.Award) + (u.Award is not null && input.TieAtCut(u.Code) ? " (đồng điểm tại ngưỡng, Hội đồng quyết định)" : string.Empty),
                }).ToList();
                WriteAligned(output, Headers, rows, rightAligned: [0, 3]);
            }

            output.WriteLine();
            if (result.Awards.IsEmpty)
            {
                output.WriteLine("Đề nghị khen thưởng: không có đơn vị nào đủ điều kiện.");
            }
            else
            {
                output.WriteLine($"Đề nghị khen thưởng ({result.Awards.Length}):");
                // Grouped by the deciding authority when the rule set declares it (catalog 2.1.0 on); older rule sets list as before.
                var grouped = result.Awards.Any(a => a.Authority is not null);
                foreach (var byAuthority in result.Awards.ByAuthority(a => a.Authority).GroupBy(a => a.Authority))
                {
                    if (grouped)
                    {
                        output.WriteLine($"  {AuthorityOrder.Describe(byAuthority.Key, input.RuleSet.Tenant)}:");
                    }
                    foreach (var award in byAuthority)
                    {
                        output.WriteLine($"{(grouped ? "    " : "  ")}- {award.AwardTitle}: {award.UnitCode} {award.UnitName} (cụm/khối {award.Group}, hạng {award.Rank}, {Numbers.Vn(award.Total)} điểm){(award.TieAtCut ? " – đồng điểm tại ngưỡng, Hội đồng quyết định" : string.Empty)}");
                    }
                }
            }

            foreach (var note in result.Notes)
            {
                output.WriteLine($"Ghi chú: {note}");
            }

            output.WriteLine();
        }
    }

    public static string KindTitle(string kind) => kind switch
    {
        "cluster" => "Cụm",
        "bloc" => "Khối",
        _ => "Nhóm",
    };

    internal static void WriteAligned(TextWriter output, string[] headers, List<string[]> rows, int[] rightAligned)
    {
        var widths = headers.Select((h, i) => rows.Select(r => Width(r[i])).Prepend(Width(h)).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) =>
            i == cells.Length - 1 ? c : rightAligned.Contains(i) ? Pad(c, widths[i], left: true) : Pad(c, widths[i], left: false))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }
    }

    // Vietnamese text normalised to NFC counts one text element per letter, even with stacked diacritics.
    private static int Width(string text) => new StringInfo(text.Normalize()).LengthInTextElements;

    private static string Pad(string text, int width, bool left)
    {
        var padding = new string(' ', Math.Max(0, width - Width(text)));
        return left ? padding + text : text + padding;
    }
}
