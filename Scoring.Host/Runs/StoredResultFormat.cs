namespace Scoring.Host.Runs;

/// <summary>Which form a stored result or card was written in (see <see cref="RunVerification.StoredFormat"/>).</summary>
internal static class StoredResultFormat
{
    /// <summary>
    /// <see cref="RunVerification.ProseFormat"/> when criteria carry a written "reason" and no "explanation" object (the
    /// form before explanations became data); otherwise <see cref="RunVerification.CurrentFormat"/>. A JSON string cannot
    /// hold an unescaped quote, so these texts only ever match property names.
    /// </summary>
    public static string Of(string? json) =>
        json is not null && json.Contains("\"reason\":", StringComparison.Ordinal) && !json.Contains("\"explanation\":", StringComparison.Ordinal)
            ? RunVerification.ProseFormat
            : RunVerification.CurrentFormat;
}
