namespace Scoring.Host.Workbench;

/// <summary>The scoring methods, their Vietnamese names, and the properties each one owns (docs/rule-sets.md, section 5).</summary>
internal static class MethodFields
{
    public static readonly IReadOnlyList<string> Methods = ["bands", "target", "relative", "rank", "check", "count", "deadline", "expression"];

    /// <summary>Every criterion has these, whatever its method.</summary>
    public static readonly IReadOnlySet<string> Common = new HashSet<string>(StringComparer.Ordinal) { "id", "title", "clause", "maxPoints", "method" };

    public static IReadOnlyList<string> Of(string? method) => method switch
    {
        "bands" => ["value", "bands"],
        "target" => ["value", "target", "lowerIsBetter"],
        "relative" => ["value", "target"],
        "rank" => ["value", "order", "points", "otherwise"],
        "check" => ["condition", "points"],
        "count" => ["value", "pointsEach"],
        "deadline" => ["date", "due", "deduct", "per", "floor"],
        "expression" => ["formula"],
        _ => [],
    };

    /// <summary>Every property some method owns.</summary>
    public static IEnumerable<string> All => Methods.SelectMany(Of).Distinct(StringComparer.Ordinal);

    public static IReadOnlyList<FieldOption> Options(params string[] values) => values.Select(v => new FieldOption(v, Title(v))).ToList();

    public static readonly IReadOnlyList<FieldOption> IndicatorTypes =
    [
        new("number", "number – số"), new("percent", "percent – phần trăm 0–100"), new("count", "count – số đếm"),
        new("boolean", "boolean – có/không"), new("date", "date – ngày"),
    ];

    public static readonly IReadOnlyList<FieldOption> IndicatorSources =
    [
        new("self", "self – đơn vị tự báo cáo"), new("imported", "imported – nhập từ cơ quan có số liệu (DTI, 766…)"),
    ];

    public static readonly IReadOnlyList<FieldOption> AuthorityLevels =
    [
        new("head-of-body", "head-of-body – Thủ trưởng cơ quan, đơn vị (Giấy khen)"), new("commune-chairman", "commune-chairman – Chủ tịch UBND xã"),
        new("provincial-chairman", "provincial-chairman – Chủ tịch UBND tỉnh"), new("prime-minister", "prime-minister – Thủ tướng Chính phủ"),
        new("president", "president – Chủ tịch nước"),
    ];

    public static string Title(string option) => option switch
    {
        "meanTotal" => "meanTotal – điểm bình quân các năm",
        "yearsAtGrade" => "yearsAtGrade – số năm đạt mức xếp loại",
        "sum" => "sum – tổng một chỉ số qua các năm",
        "gradeInPreviousYears" => "gradeInPreviousYears – đạt mức xếp loại các năm trước",
        "awardInPreviousYears" => "awardInPreviousYears – đã được khen các năm trước",
        "qualifiesFor" => "qualifiesFor – đủ chuẩn một hình thức khác năm nay",
        "bands" => "bands – theo bậc (bảng quyết định)",
        "target" => "target – so với mục tiêu",
        "relative" => "relative – so với đơn vị dẫn đầu nhóm",
        "rank" => "rank – theo thứ hạng trong nhóm",
        "check" => "check – đạt hay không đạt",
        "count" => "count – điểm theo số lần",
        "deadline" => "deadline – đúng hạn hay muộn",
        "expression" => "expression – công thức",
        "desc" => "desc – cao hơn xếp trước",
        "asc" => "asc – thấp hơn xếp trước",
        "day" => "day – theo ngày",
        "week" => "week – theo tuần",
        "section" => "section – điểm một mục",
        "criterion" => "criterion – điểm một tiêu chí",
        "indicator" => "indicator – giá trị một chỉ số",
        "bonus" => "bonus – điểm thưởng",
        "penalty" => "penalty – điểm trừ",
        _ => option,
    };
}
