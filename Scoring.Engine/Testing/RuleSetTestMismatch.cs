namespace Scoring.Engine.Testing;

/// <summary>One difference between what a rule-set test expects and what the engine gives.</summary>
/// <param name="Path">JSON path of the expectation, e.g. <c>$.tests[0].expect.criteria['I.3']</c>.</param>
/// <param name="What">What was compared (a criterion id, "total", "grade"), or "error": a key for tools, not translated.</param>
/// <param name="Expected">The expected value as written (invariant).</param>
/// <param name="Actual">What the engine gave, with the criterion's reason when there is one (Vietnamese text).</param>
public sealed record RuleSetTestMismatch(string Path, string What, string Expected, string Actual)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {What}: mong đợi {Expected}, thực tế {Actual}";
}
