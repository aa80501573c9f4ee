using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>
/// One verification of a run: its stored inputs scored again with its pinned rule-set version, the bytes compared with the
/// stored result. Append-only (schema 0010).
/// </summary>
internal sealed class RunVerification
{
    /// <summary>The stored result writes explanations as data (the engine's current form): it can match byte for byte.</summary>
    public const string CurrentFormat = "explanations";

    /// <summary>
    /// The stored result was written before explanations became data (each criterion's reason as finished prose): the
    /// engine no longer writes that form, so only the outcomes (points, ranks, grades, awards) can be compared.
    /// </summary>
    public const string ProseFormat = "prose-reasons";

    public long Id { get; set; }

    public long RunId { get; set; }

    public Instant VerifiedAt { get; set; }

    public required string VerifiedBy { get; set; }

    /// <summary>Re-scoring gave the stored result's bytes (and they hash to the run's stored result hash).</summary>
    public bool Identical { get; set; }

    /// <summary><see cref="CurrentFormat"/> or <see cref="ProseFormat"/>.</summary>
    public required string StoredFormat { get; set; }

    public required string ReplayedSha256 { get; set; }

    /// <summary>For a result in <see cref="ProseFormat"/>: every unit's total, rank, grade and award equal the stored ones.</summary>
    public bool? OutcomesIdentical { get; set; }

    /// <summary>The first difference, in Vietnamese; null when identical.</summary>
    public string? Difference { get; set; }
}
