using System.Text.Json;

namespace Scoring.Host.Reviews;

/// <summary>
/// A stored review's JSON read back for pages and reports (the canonical JSON is what is hashed; this is only a reader):
/// one part per rule set that declares the phase.
/// </summary>
internal sealed record ReviewView(IReadOnlyList<ReviewPartView> Parts)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ReviewView Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parts = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.Deserialize<List<ReviewPartView>>(Options)!
            : [document.RootElement.Deserialize<ReviewPartView>(Options)!];
        return new ReviewView(parts);
    }

    /// <summary>Every award proposal of every part, in the parts' order.</summary>
    public IEnumerable<ReviewAwardView> Awards => Parts.SelectMany(p => p.Awards);
}

internal sealed record ReviewPartView(
    ReviewRuleSetView RuleSet, string Phase, string Title, int From, int To,
    IReadOnlyList<ReviewGroupView> Groups, IReadOnlyList<ReviewUnitView> TenantRanking, IReadOnlyList<ReviewAwardView> Awards, IReadOnlyList<string> Notes)
{
    public string AwardTitle(string? award) =>
        award is null ? string.Empty : Awards.FirstOrDefault(a => a.Award == award)?.AwardTitle ?? award;
}

internal sealed record ReviewRuleSetView(string Id, string Version, string Sha256);

internal sealed record ReviewGroupView(string Code, string Name, string Kind, IReadOnlyList<ReviewUnitView> Ranking);

internal sealed record ReviewUnitView(
    string Code, string Name, string Group, int? Rank, bool Tied, int YearsScored, IReadOnlyList<ReviewMeasureView> Measures,
    string? Grade, string? GradeTitle, string? Award, IReadOnlyList<ReviewYearView> Years, IReadOnlyList<string> Notes);

internal sealed record ReviewMeasureView(string Id, string Title, decimal Value);

internal sealed record ReviewYearView(int Year, decimal? Total, string? Grade, string? Award);

internal sealed record ReviewAwardView(
    string Award, string AwardTitle, string UnitCode, string UnitName, string Group, int Rank, decimal Total, bool TieAtCut, string Reason,
    ReviewAuthorityView? Authority);

internal sealed record ReviewAuthorityView(string? Level, string? Tenant);
