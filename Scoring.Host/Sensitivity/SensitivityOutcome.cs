using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// An analysis, or why there is none (<see cref="Problem"/>, Vietnamese: the year could not be scored, or the request would
/// cost too much). <see cref="AwardTitles"/> names the report's award ids.
/// </summary>
internal sealed record SensitivityOutcome(SensitivityReport? Report, IReadOnlyDictionary<string, string> AwardTitles, string? Problem)
{
    public static SensitivityOutcome Failed(string problem) => new(null, new Dictionary<string, string>(), problem);
}
