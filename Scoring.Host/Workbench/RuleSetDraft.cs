using NodaTime;

namespace Scoring.Host.Workbench;

/// <summary>
/// A draft rule-set version: the maintainers' mutable working copy, possibly invalid, never used for scoring until it is
/// published (then it becomes an immutable <see cref="RuleSetVersion"/> and the draft is deleted).
/// </summary>
internal sealed class RuleSetDraft
{
    public long Id { get; set; }

    public required string RuleSetId { get; set; }

    public required string Version { get; set; }

    public required string Tenant { get; set; }

    public required string Title { get; set; }

    /// <summary>The version it was copied from; null for an imported draft.</summary>
    public string? BasedOnVersion { get; set; }

    /// <summary>Where it came from: <see cref="RuleSetDrafts.FromVersion"/>, or an importer's name ("excel", "rules-engine").</summary>
    public required string Origin { get; set; }

    /// <summary>The rule-set JSON as last saved (indented), valid or not.</summary>
    public required string Json { get; set; }

    /// <summary>1 when created, one more with every save: a save naming an older revision is refused.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// What the importer could not carry into the draft (<see cref="ImportReport"/> as JSON), shown beside the draft until the
    /// maintainer clears it; null for a draft copied from a version.
    /// </summary>
    public string? ImportReport { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public Instant UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
