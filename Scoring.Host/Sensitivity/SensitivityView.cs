using Scoring.Engine.Sensitivity;
using Scoring.Engine.Text;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// A report as the pages show it: shares as vi-VN percentages through the one formatter, award titles instead of ids, and
/// each share in words an official reads at a glance.
/// </summary>
internal sealed record SensitivityView(SensitivityReport Report, IReadOnlyDictionary<string, string> AwardTitles)
{
    public string Share(int count) => VnFormat.Percent(Report.Share(count), 1);

    public string Count(int count) => VnFormat.Integer(count);

    public string Award(string? award) => award is null ? "Không" : AwardTitles.GetValueOrDefault(award, award);

    /// <summary>How steady a share of samples is, in words: the thresholds are the page's legend.</summary>
    public static string Steadiness(decimal share) => share switch
    {
        >= 0.95m => "Rất ổn định",
        >= 0.80m => "Ổn định",
        >= 0.50m => "Dễ thay đổi",
        _ => "Rất dễ thay đổi",
    };

    /// <summary>The CSS class of <see cref="Steadiness"/>.</summary>
    public static string SteadinessClass(decimal share) => share switch
    {
        >= 0.95m => "on-dinh-cao",
        >= 0.80m => "on-dinh",
        >= 0.50m => "de-doi",
        _ => "rat-de-doi",
    };

    public string Steadiness(int count) => Steadiness(Report.Share(count));

    public string SteadinessClass(int count) => SteadinessClass(Report.Share(count));

    public static string Ranks(UnitSensitivity unit) => unit.BestRank == unit.WorstRank ? $"luôn hạng {unit.BestRank}" : $"từ hạng {unit.BestRank} đến hạng {unit.WorstRank}";

    public static string? LeaderName(GroupSensitivity group) => group.Units.FirstOrDefault(u => u.Code == group.Leader)?.Name;
}
