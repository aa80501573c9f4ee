using Scoring.Host.Export;
using Scoring.Rules.Model;

namespace Scoring.Host.Cli;

/// <summary>A criterion method as one line (thresholds, formulas, targets, points), to show what changed between versions.</summary>
internal static class MethodDescription
{
    public static string Describe(CriterionMethod method) => method switch
    {
        BandsMethod bands => $"bậc theo {bands.Value}: " + string.Join("; ", bands.Rows.Select(Band)),
        TargetMethod target => $"{target.Value} so với chỉ tiêu {target.Target}{(target.LowerIsBetter ? " (càng thấp càng tốt)" : string.Empty)}",
        RelativeMethod relative => relative.Target is null ? $"{relative.Value} so với đơn vị dẫn đầu" : $"{relative.Value} so với chỉ tiêu {relative.Target} và đơn vị dẫn đầu",
        RankMethod rank => $"xếp hạng {rank.Value} ({(rank.Descending ? "cao trước" : "thấp trước")}): {string.Join(", ", rank.Points.Select(Numbers.Vn))}, còn lại {Numbers.Vn(rank.Otherwise)}",
        CheckMethod check => $"điều kiện «{check.Condition}»" + (check.Points is { } points ? $" → {Numbers.Vn(points)} điểm" : string.Empty),
        CountMethod count => $"{count.Value} × {Numbers.Vn(count.PointsEach)} điểm",
        DeadlineMethod deadline => $"{deadline.Date} hạn {Due(deadline.Due)}, trừ {Numbers.Vn(deadline.Deduction)}/{(deadline.Per == DeductionUnit.Day ? "ngày" : "tuần")}, tối thiểu {Numbers.Vn(deadline.Floor)}",
        ExpressionMethod expression => $"công thức «{expression.Formula}»",
        _ => method.Name,
    };

    private static string Band(BandRow row)
    {
        var bounds = new List<string>();
        if (row.AtLeast is { } atLeast)
        {
            bounds.Add($"≥ {Numbers.Vn(atLeast)}");
        }

        if (row.Above is { } above)
        {
            bounds.Add($"> {Numbers.Vn(above)}");
        }

        if (row.AtMost is { } atMost)
        {
            bounds.Add($"≤ {Numbers.Vn(atMost)}");
        }

        if (row.Below is { } below)
        {
            bounds.Add($"< {Numbers.Vn(below)}");
        }

        return $"{(bounds.Count == 0 ? "còn lại" : string.Join(" và ", bounds))} → {Numbers.Vn(row.Points)}";
    }

    private static string Due(DueDate due) =>
        due.Fixed is { } date ? date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : due.Annual is { } annual ? $"{annual.Day:00}/{annual.Month:00} hằng năm" : "?";
}
