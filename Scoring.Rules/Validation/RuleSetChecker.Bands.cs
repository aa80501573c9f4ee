using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

// The band table lint: each row is an interval; rows are tried in order and the first match wins.
internal sealed partial class RuleSetChecker
{
    private void CheckBands(Criterion criterion, BandsMethod bands)
    {
        var p = criterion.Path;
        if (IsBroken(p + ".bands"))
        {
            return;
        }
        var rows = bands.Rows;
        var catchAll = -1;
        for (var i = rows.Length - 1; i >= 0; i--)
        {
            catchAll = rows[i].IsCatchAll ? i : catchAll;
        }
        if (rows.IsEmpty)
        {
            bag.Error(DiagnosticCodes.BandsCatchAllMissing, p + ".bands", $"Tiêu chí `{criterion.Id}` không có bậc nào trong `bands`.",
                "Thêm các bậc có cận và điểm, và một bậc cuối chỉ có `points` (bậc còn lại, không có cận).");
            return;
        }
        if (catchAll < 0)
        {
            bag.Error(DiagnosticCodes.BandsCatchAllMissing, rows[^1].Path,
                $"Tiêu chí `{criterion.Id}`: bậc cuối cùng vẫn có cận; cần một bậc cuối không có cận (bậc còn lại) cho các giá trị không khớp bậc nào và cho trường hợp thiếu số liệu.",
                "Thêm { \"points\": 0, \"label\": \"Không đạt hoặc không có số liệu\" } làm bậc cuối.");
        }
        for (var i = catchAll + 1; catchAll >= 0 && i < rows.Length; i++)
        {
            bag.Error(DiagnosticCodes.BandsAfterCatchAll, rows[i].Path,
                $"Tiêu chí `{criterion.Id}`: bậc `bands[{i}]` không bao giờ được áp dụng vì đứng sau bậc còn lại `bands[{catchAll}]`, bậc khớp với mọi giá trị.",
                "Chuyển bậc còn lại (không có cận) xuống cuối danh sách.");
        }
        foreach (var row in rows)
        {
            if (!IsBroken(row.Path + ".points") && !IsBroken(p + ".maxPoints") && (row.Points < 0 || row.Points > criterion.MaxPoints))
            {
                bag.Error(DiagnosticCodes.BandsPoints, row.Path + ".points",
                    $"Tiêu chí `{criterion.Id}`: điểm của bậc ({F(row.Points)}) nằm ngoài [0, {F(criterion.MaxPoints)}] (`maxPoints` của tiêu chí).",
                    "Ghi `points` từ 0 đến `maxPoints` của tiêu chí.");
            }
        }
        var analysed = new List<(int Index, BandInterval Interval)>();
        var end = catchAll >= 0 ? catchAll : rows.Length;
        for (var i = 0; i < end; i++)
        {
            if (AnalyseRow(criterion, rows[i], i, analysed) is { } interval)
            {
                analysed.Add((i, interval));
            }
        }
        if (catchAll >= 0)
        {
            ReportGaps(criterion, bands, analysed, catchAll);
        }
    }

    /// <summary>Checks one row against the rows before it; returns its interval when it can be analysed.</summary>
    private BandInterval? AnalyseRow(Criterion criterion, BandRow row, int index, List<(int Index, BandInterval Interval)> earlier)
    {
        if (IsBroken(row.Path))
        {
            return null;
        }
        if ((row.AtLeast is not null && row.Above is not null) || (row.AtMost is not null && row.Below is not null))
        {
            var both = row.AtLeast is not null && row.Above is not null ? "`atLeast` và `above`" : "`atMost` và `below`";
            bag.Error(DiagnosticCodes.BandsConflictingBounds, row.Path, $"Tiêu chí `{criterion.Id}`: bậc `bands[{index}]` có cả {both}.",
                "Chỉ giữ một cận dưới (`atLeast` là ≥, `above` là >) và một cận trên (`atMost` là ≤, `below` là <).");
            return null;
        }
        var interval = BandInterval.Of(row);
        if (interval.IsEmpty)
        {
            bag.Error(DiagnosticCodes.BandsEmptyRow, row.Path,
                $"Tiêu chí `{criterion.Id}`: bậc `bands[{index}]` không bao giờ được áp dụng vì cận dưới lớn hơn cận trên ({DescribeBounds(row)}).",
                "Đổi chỗ hai cận hoặc sửa lại cho đúng.");
            return null;
        }
        var overlapping = earlier.Where(e => e.Interval.Overlaps(interval)).ToList();
        if (overlapping.Count > 0 && interval.SubtractAll(overlapping.Select(e => e.Interval)).Count == 0)
        {
            bag.Error(DiagnosticCodes.BandsRowCovered, row.Path,
                $"Tiêu chí `{criterion.Id}`: bậc `bands[{index}]` {Show(interval)} không bao giờ được áp dụng: mọi giá trị trong đó đã khớp bậc đứng trước " +
                $"{string.Join(", ", overlapping.Select(e => $"`bands[{e.Index}]` {Show(e.Interval)}"))}, mà bậc khớp đầu tiên sẽ được áp dụng.",
                "Xoá bậc này hoặc sửa lại cận của nó.");
            return interval;
        }
        // A ladder of one-sided rows ("atLeast 0.9", then "atLeast 0.7", …) overlaps by design: first match wins.
        // Any other overlap is almost always a typing mistake (`atMost 0.8` meant `below 0.8`), so it blocks publication.
        foreach (var (earlierIndex, earlierInterval) in overlapping.Where(e => !IsLadder(e.Interval, interval)))
        {
            bag.Error(DiagnosticCodes.BandsOverlap, row.Path,
                $"Tiêu chí `{criterion.Id}`: bậc `bands[{earlierIndex}]` {Show(earlierInterval)} và bậc `bands[{index}]` {Show(interval)} chồng lên nhau ở {Describe(earlierInterval.Intersect(interval))}; " +
                $"các giá trị đó sẽ chỉ nhận điểm của bậc `bands[{earlierIndex}]` (bậc khớp đầu tiên được áp dụng), nên nhiều khả năng đây là lỗi gõ cận.",
                "Sửa cận để các bậc nối tiếp nhau mà không giao nhau, ví dụ `below` ở một bậc và `atLeast` với cùng số đó ở bậc tiếp theo; " +
                "nếu muốn xét lần lượt từ trên xuống thì để mỗi bậc chỉ có cận dưới (`atLeast 0.9`, rồi `atLeast 0.7`, …).");
        }
        return interval;
    }

    private void ReportGaps(Criterion criterion, BandsMethod bands, List<(int Index, BandInterval Interval)> analysed, int catchAll)
    {
        if (analysed.Count == 0)
        {
            return;
        }
        // Only holes between rows are gaps: below the lowest row and above the highest is the catch-all's own territory.
        var hull = analysed.Select(a => a.Interval).Aggregate(Hull);
        var domain = BandInterval.All;
        IndicatorDefinition? indicator = null;
        if (indicators.TryGetValue(bands.Value.Trim(), out var found))
        {
            indicator = found;
            domain = new BandInterval(found.Min, true, found.Max, true);
        }
        foreach (var gap in hull.SubtractAll(analysed.Select(a => a.Interval)))
        {
            var inDomain = gap.Intersect(domain);
            if (inDomain.IsEmpty || (indicator?.Type == IndicatorType.Count && !inDomain.ContainsInteger()))
            {
                continue;
            }
            bag.Warning(DiagnosticCodes.BandsGap, criterion.Path + ".bands",
                $"Tiêu chí `{criterion.Id}`: các giá trị thuộc {Describe(inDomain)} không khớp bậc nào và rơi vào bậc còn lại `bands[{catchAll}]` ({F(bands.Rows[catchAll].Points)} điểm).",
                "Thêm một bậc cho các giá trị này, hoặc dời cận của bậc bên cạnh nếu đây không phải chủ ý.");
        }
    }

    private static bool IsLadder(BandInterval earlier, BandInterval later) =>
        (earlier.High is null && later.High is null && earlier.Low is not null && later.Low is not null) ||
        (earlier.Low is null && later.Low is null && earlier.High is not null && later.High is not null);

    private static BandInterval Hull(BandInterval a, BandInterval b)
    {
        var (low, lowClosed) = a.Low is not { } al || (b.Low is { } bl && (bl > al || (bl == al && !b.LowClosed)))
            ? (a.Low, a.LowClosed || (a.Low == b.Low && b.LowClosed))
            : (b.Low, b.LowClosed);
        var (high, highClosed) = a.High is not { } ah || (b.High is { } bh && (bh < ah || (bh == ah && !b.HighClosed)))
            ? (a.High, a.HighClosed || (a.High == b.High && b.HighClosed))
            : (b.High, b.HighClosed);
        return new BandInterval(low, lowClosed, high, highClosed);
    }

    private static string DescribeBounds(BandRow row)
    {
        var parts = new List<string>();
        if (row.AtLeast is { } a) parts.Add($"`atLeast` {F(a)}");
        if (row.Above is { } b) parts.Add($"`above` {F(b)}");
        if (row.AtMost is { } c) parts.Add($"`atMost` {F(c)}");
        if (row.Below is { } d) parts.Add($"`below` {F(d)}");
        return string.Join(", ", parts);
    }

    /// <summary>"giá trị 0.8" for a single point, "khoảng [0.65, 0.8) (từ 0.65 đến dưới 0.8)" otherwise.</summary>
    private static string Describe(BandInterval interval) =>
        interval.Low is { } low && interval.High == low ? $"giá trị {F(low)}" : $"khoảng {Show(interval)}";

    /// <summary>The interval in notation and in words, for readers who do not use the notation: "[0.5, 0.8) (từ 0.5 đến dưới 0.8)".</summary>
    private static string Show(BandInterval interval) => $"{interval} ({Words(interval)})";

    private static string Words(BandInterval interval) => (interval.Low, interval.High) switch
    {
        ({ } low, { } high) when low == high => $"bằng {F(low)}",
        ({ } low, { } high) when interval.LowClosed => $"từ {F(low)} đến {(interval.HighClosed ? string.Empty : "dưới ")}{F(high)}",
        ({ } low, { } high) => $"trên {F(low)} và {(interval.HighClosed ? "không quá" : "dưới")} {F(high)}",
        ({ } low, null) => interval.LowClosed ? $"từ {F(low)} trở lên" : $"trên {F(low)}",
        (null, { } high) => interval.HighClosed ? $"không quá {F(high)}" : $"dưới {F(high)}",
        _ => "mọi giá trị",
    };
}
