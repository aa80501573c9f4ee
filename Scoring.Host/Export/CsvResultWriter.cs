using System.Globalization;
using System.Text;

namespace Scoring.Host.Export;

/// <summary>
/// One row per ranked unit, RFC 4180 (quoted when needed, CRLF), Vietnamese headers, invariant numbers (dot
/// decimal separator, as in the data files), the rank as a number with a separate tie column.
/// </summary>
internal static class CsvResultWriter
{
    public static readonly string[] Headers =
    [
        "Năm", "Bộ tiêu chí", "Phiên bản", "Mã cụm/khối", "Tên cụm/khối", "Hạng", "Đồng hạng", "Mã đơn vị", "Tên đơn vị",
        "Tổng điểm", "Điểm các mục", "Điểm thưởng", "Điểm trừ", "Mã xếp loại", "Xếp loại", "Mã khen thưởng", "Đề nghị khen thưởng",
    ];

    public static void Write(IReadOnlyList<ExportInput> inputs, TextWriter output)
    {
        WriteRow(output, Headers);
        foreach (var input in inputs)
        {
            var result = input.Result;
            foreach (var group in result.Groups)
            {
                foreach (var unit in group.Ranking)
                {
                    WriteRow(output,
                    [
                        result.Year.ToString(CultureInfo.InvariantCulture),
                        result.RuleSet.Id,
                        result.RuleSet.Version,
                        group.Code,
                        group.Name,
                        unit.Rank.ToString(CultureInfo.InvariantCulture),
                        unit.Tied ? "có" : "không",
                        unit.Code,
                        unit.Name,
                        Numbers.Invariant(unit.Total),
                        Numbers.Invariant(unit.BasePoints),
                        Numbers.Invariant(unit.Bonus),
                        Numbers.Invariant(unit.Penalty),
                        unit.Grade,
                        unit.GradeTitle,
                        unit.Award ?? string.Empty,
                        input.AwardTitle(unit.Award),
                    ]);
                }
            }
        }
    }

    private static void WriteRow(TextWriter output, IEnumerable<string> fields)
    {
        output.Write(string.Join(",", fields.Select(Quote)));
        output.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : new StringBuilder("\"").Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
