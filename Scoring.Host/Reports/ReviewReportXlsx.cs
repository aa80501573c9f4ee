namespace Scoring.Host.Reports;

/// <summary>
/// The phase review report as .xlsx (Vietnamese): one sheet per cluster/bloc with its phase ranking (measures, phase grade,
/// proposed award), the ranking across the tenant, the award proposals by authority, and "Thông tin" with the phase, the
/// rule-set versions, the yearly runs counted and every hash.
/// </summary>
internal static class ReviewReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(PhaseReviewRecord review, ReviewView view, string tenantName)
    {
        var sheets = new List<(string, IEnumerable<object?[]>)>();
        foreach (var part in view.Parts)
        {
            foreach (var group in part.Groups)
            {
                sheets.Add(($"{TableWriter.KindTitle(group.Kind)} {group.Code}",
                    Ranking(part, $"{TableWriter.KindTitle(group.Kind)} {group.Code} – {group.Name}, {part.Title}", group.Ranking)));
            }
        }

        foreach (var part in view.Parts)
        {
            sheets.Add(("Toàn " + (view.Parts.Count > 1 ? part.RuleSet.Id : "tỉnh"), Ranking(part, $"Xếp hạng chung – {tenantName}, {part.Title} ({part.RuleSet.Id})", part.TenantRanking)));
        }

        sheets.Add((XlsxWriter.AwardsSheet, Awards(view)));
        sheets.Add((XlsxWriter.InfoSheet, Info(review, view, tenantName)));
        using var stream = new MemoryStream();
        XlsxWriter.WriteSheets(sheets, stream);
        return stream.ToArray();
    }

    private static IEnumerable<object?[]> Ranking(ReviewPartView part, string title, IReadOnlyList<ReviewUnitView> ranking)
    {
        var measures = ranking.FirstOrDefault()?.Measures ?? [];
        yield return [title];
        yield return ["Hạng", "Đồng hạng", "Mã đơn vị", "Tên đơn vị", "Số năm có kết quả", .. measures.Select(m => (object?)m.Title), "Xếp loại giai đoạn", "Đề nghị khen thưởng", "Ghi chú"];
        foreach (var unit in ranking)
        {
            yield return
            [
                unit.Rank, unit.Tied ? "có" : string.Empty, unit.Code, unit.Name, unit.YearsScored,
                .. unit.Measures.Select(m => (object?)m.Value), unit.GradeTitle, part.AwardTitle(unit.Award), string.Join("; ", unit.Notes),
            ];
        }
    }

    private static IEnumerable<object?[]> Awards(ReviewView view)
    {
        yield return ["Cấp có thẩm quyền", "Hình thức khen thưởng", "Mã cụm/khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Giá trị giai đoạn", "Đồng điểm tại ngưỡng", "Lý do"];
        foreach (var award in view.Awards)
        {
            yield return [award.Authority?.Level ?? string.Empty, award.AwardTitle, award.Group, award.Rank, award.UnitCode, award.UnitName, award.Total,
                award.TieAtCut ? "có, Hội đồng quyết định" : string.Empty, award.Reason];
        }
    }

    private static IEnumerable<object?[]> Info(PhaseReviewRecord review, ReviewView view, string tenantName)
    {
        var inputs = RunJson.Deserialize<ReviewInputs>(review.InputsJson);
        yield return ["Đơn vị tổ chức phong trào", tenantName];
        yield return ["Giai đoạn", $"{review.Phase} ({review.FromYear}–{review.ToYear})"];
        yield return ["Đợt sơ kết", (int)review.Id];
        yield return ["Trạng thái", review.PublishedAt is null ? "chưa công bố" : "đã công bố"];
        yield return ["SHA-256 kết quả", review.ResultSha256];
        yield return ["SHA-256 dữ liệu đầu vào", review.InputsSha256];
        yield return [];
        yield return ["Bộ tiêu chí sơ kết", "Phiên bản", "SHA-256"];
        foreach (var part in view.Parts)
        {
            yield return [part.RuleSet.Id, part.RuleSet.Version, part.RuleSet.Sha256];
        }

        yield return [];
        yield return ["Năm", "Lượt chấm đã công bố", "Bộ tiêu chí", "Phiên bản", "SHA-256 bộ tiêu chí", "SHA-256 dữ liệu", "SHA-256 kết quả"];
        foreach (var run in inputs.Runs)
        {
            yield return [run.Year, (int)run.RunId, run.RuleSetId, run.Version, run.RuleSetSha256, run.InputsSha256, run.ResultSha256];
        }

        var notes = view.Parts.SelectMany(p => p.Notes).ToList();
        if (notes.Count > 0)
        {
            yield return [];
            yield return ["Ghi chú"];
            foreach (var note in notes)
            {
                yield return [note];
            }
        }
    }
}
