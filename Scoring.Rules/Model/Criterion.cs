namespace Scoring.Rules.Model;

/// <summary>
/// One scored criterion. Its method turns indicator values into points in [0, <see cref="MaxPoints"/>];
/// for a penalty criterion the points are a deduction.
/// </summary>
/// <param name="Clause">The plan clause it comes from, e.g. "KH 36/KH-UBND, mục III.1, gạch đầu dòng 4".</param>
/// <param name="Path">JSON path, e.g. "$.sections[0].criteria[2]".</param>
public sealed record Criterion(
    string Id,
    string Title,
    string? Clause,
    decimal MaxPoints,
    CriterionMethod Method,
    string Path);
