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
            bag.Error(DiagnosticCodes.BandsCatchAllMissing, p + ".bands", $"Criterion `{criterion.Id}` has no band rows.",
                "Add rows with bounds and points, and a last row with only points (the catch-all).");
            return;
        }
        if (catchAll < 0)
        {
            bag.Error(DiagnosticCodes.BandsCatchAllMissing, rows[^1].Path,
                $"Criterion `{criterion.Id}`: the last band row has bounds; a catch-all row (no bounds) must come last for values no row matches and for missing data.",
                "Add { \"points\": 0, \"label\": \"Không đạt hoặc không có số liệu\" } as the last row.");
        }
        for (var i = catchAll + 1; catchAll >= 0 && i < rows.Length; i++)
        {
            bag.Error(DiagnosticCodes.BandsAfterCatchAll, rows[i].Path,
                $"Criterion `{criterion.Id}`: band row {i} can never match: it comes after the catch-all row {catchAll}, which matches every value.",
                "Move the catch-all row to the end.");
        }
        foreach (var row in rows)
        {
            if (!IsBroken(row.Path + ".points") && !IsBroken(p + ".maxPoints") && (row.Points < 0 || row.Points > criterion.MaxPoints))
            {
                bag.Error(DiagnosticCodes.BandsPoints, row.Path + ".points",
                    $"Criterion `{criterion.Id}`: band points {F(row.Points)} are outside [0, {F(criterion.MaxPoints)}] (its maxPoints).",
                    "Write points between 0 and the criterion's maxPoints.");
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
            var both = row.AtLeast is not null && row.Above is not null ? "`atLeast` and `above`" : "`atMost` and `below`";
            bag.Error(DiagnosticCodes.BandsConflictingBounds, row.Path, $"Criterion `{criterion.Id}`: band row {index} has both {both}.",
                "Keep one lower bound (atLeast ≥ or above >) and one upper bound (atMost ≤ or below <).");
            return null;
        }
        var interval = BandInterval.Of(row);
        if (interval.IsEmpty)
        {
            bag.Error(DiagnosticCodes.BandsEmptyRow, row.Path,
                $"Criterion `{criterion.Id}`: band row {index} can never match: its lower bound is above its upper bound ({DescribeBounds(row)}).",
                "Swap the bounds or correct them.");
            return null;
        }
        var overlapping = earlier.Where(e => e.Interval.Overlaps(interval)).ToList();
        if (overlapping.Count > 0 && interval.SubtractAll(overlapping.Select(e => e.Interval)).Count == 0)
        {
            bag.Error(DiagnosticCodes.BandsRowCovered, row.Path,
                $"Criterion `{criterion.Id}`: band row {index} {interval} can never match: every value in it already matches row{(overlapping.Count > 1 ? "s" : string.Empty)} " +
                $"{string.Join(", ", overlapping.Select(e => $"{e.Index} {e.Interval}"))}, and the first matching row wins.",
                "Remove the row or correct its bounds.");
            return interval;
        }
        // A ladder of one-sided rows ("atLeast 0.9", then "atLeast 0.7", …) overlaps by design: first match wins.
        foreach (var (earlierIndex, earlierInterval) in overlapping.Where(e => !IsLadder(e.Interval, interval)))
        {
            bag.Warning(DiagnosticCodes.BandsOverlap, row.Path,
                $"Criterion `{criterion.Id}`: band rows {earlierIndex} {earlierInterval} and {index} {interval} overlap on {earlierInterval.Intersect(interval)}; " +
                $"values there get row {earlierIndex}'s points (the first match wins).",
                "Make the rows' bounds meet without overlapping, e.g. `below` in one row and `atLeast` with the same number in the next.");
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
                $"Criterion `{criterion.Id}`: values {inDomain} match no band row and fall to the catch-all row {catchAll} ({F(bands.Rows[catchAll].Points)} points).",
                "Add a row for these values or move a neighbouring bound if this is not intended.");
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
        if (row.AtLeast is { } a) parts.Add($"atLeast {F(a)}");
        if (row.Above is { } b) parts.Add($"above {F(b)}");
        if (row.AtMost is { } c) parts.Add($"atMost {F(c)}");
        if (row.Below is { } d) parts.Add($"below {F(d)}");
        return string.Join(", ", parts);
    }
}
