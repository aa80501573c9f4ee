namespace Scoring.Host.Reviews;

/// <summary>
/// Everything a service review counts, frozen when it is enqueued: the phase and its years, the published yearly runs of
/// those years (<see cref="ReviewYearRun"/>, each pinned by its hashes) and every unit of the tenant with its successor.
/// Its canonical JSON's SHA-256 is part of the review's identity.
/// </summary>
internal sealed record ReviewInputs(
    string Tenant,
    string Phase,
    int From,
    int To,
    IReadOnlyList<ReviewYearRun> Runs,
    IReadOnlyList<ReviewUnit> Units);
