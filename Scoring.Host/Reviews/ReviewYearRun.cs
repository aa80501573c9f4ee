namespace Scoring.Host.Reviews;

/// <summary>A published yearly run a review counts, pinned by its rule-set version and the hashes of its inputs and result.</summary>
internal sealed record ReviewYearRun(
    long RunId,
    int Year,
    string RuleSetId,
    string Version,
    string RuleSetSha256,
    string InputsSha256,
    string ResultSha256);
