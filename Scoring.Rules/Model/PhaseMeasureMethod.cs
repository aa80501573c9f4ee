namespace Scoring.Rules.Model;

/// <summary>How a phase measure is computed from the yearly results of the phase.</summary>
public enum PhaseMeasureMethod
{
    /// <summary>The mean of the yearly totals (years with a result only), rounded to the rule set's precision.</summary>
    MeanTotal,

    /// <summary>The number of years whose grade is the given grade or a better one (grades are listed best first).</summary>
    YearsAtGrade,

    /// <summary>The sum of a numeric indicator over the years (e.g. initiatives recognised in the phase).</summary>
    Sum,
}
