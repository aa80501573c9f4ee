namespace Scoring.Host.RuleSetExcel;

/// <summary>The documented .xlsx template of a scoring table (docs/rule-sets.md, "Excel"): sheet names and columns.</summary>
internal static class ScoringTableTemplate
{
    public const string TableSheet = "Bảng chấm điểm";
    public const string OtherSheet = "Thuộc tính khác";

    public const string Number = "STT";
    public const string Content = "Nội dung tiêu chí";
    public const string MaxPoints = "Điểm tối đa";
    public const string Scoring = "Cách chấm";
    public const string Value = "Giá trị chấm";
    public const string Clause = "Căn cứ";
    public const string Parameters = "Tham số";

    /// <summary>The columns A–G in order; the first four are the provinces' own, the last three optional.</summary>
    public static readonly string[] Columns = [Number, Content, MaxPoints, Scoring, Value, Clause, Parameters];

    /// <summary>The heading rows of the bonus and penalty parts (column B), as the plans write them.</summary>
    public const string BonusTitle = "Điểm thưởng";
    public const string PenaltyTitle = "Điểm trừ";
}
