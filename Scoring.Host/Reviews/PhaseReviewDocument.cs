using Scoring.Engine.Reviews;

namespace Scoring.Host.Reviews;

/// <summary>
/// The review's canonical JSON as the `review` verb writes it and the service stores it: the engine's
/// <see cref="PhaseReviewJson"/> for one rule set, a JSON array of them for several.
/// </summary>
internal static class PhaseReviewDocument
{
    public static string Write(IReadOnlyList<PhaseReviewResult> results)
    {
        if (results.Count == 1)
        {
            return PhaseReviewJson.Write(results[0]);
        }

        return "[\n" + string.Join(",\n", results.Select(r => PhaseReviewJson.Write(r).TrimEnd('\n'))) + "\n]\n";
    }
}
