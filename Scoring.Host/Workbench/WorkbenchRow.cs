using NodaTime;

namespace Scoring.Host.Workbench;

/// <summary>One version in the workbench's list: published (immutable, with its hash) or a draft.</summary>
internal sealed record WorkbenchRow(
    string Tenant, string Movement, string RuleSetId, string Title, string Version, bool Draft, string Years, string UnitKinds, string? Sha256,
    Instant At, string By, string? BasedOn);
