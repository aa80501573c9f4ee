namespace Scoring.Host.Runs;

/// <summary>
/// Everything a run scores, frozen when the run is enqueued and stored with it: its canonical JSON's SHA-256 is part of
/// the run's identity, so a re-run with the same inputs is the same run. <see cref="History"/> (earlier years' outcomes)
/// and <see cref="Successors"/> (unit → the unit that took it over) feed award prerequisites; runs stored before history
/// existed have neither (null).
/// </summary>
internal sealed record RunInputs(
    string Tenant,
    int Year,
    string Scope,
    IReadOnlyList<RunInputGroup> Groups,
    IReadOnlyList<RunInputUnit> Units,
    IReadOnlyList<RunInputHistory>? History = null,
    IReadOnlyDictionary<string, string>? Successors = null);
