namespace Scoring.Rules.Model;

/// <summary>
/// One number a phase review computes per unit from its yearly results.
/// </summary>
/// <param name="Grade">For <see cref="PhaseMeasureMethod.YearsAtGrade"/>: the grade id at or above which a year counts.</param>
/// <param name="Indicator">For <see cref="PhaseMeasureMethod.Sum"/>: the numeric indicator summed over the years.</param>
public sealed record PhaseMeasure(string Id, string Title, PhaseMeasureMethod Method, string? Grade, string? Indicator, string Path);
