namespace Scoring.Engine.Compilation;

/// <summary>Which names an expression may read besides the indicators.</summary>
internal enum RowScopeKind
{
    /// <summary>Criterion operands: indicators only.</summary>
    Criterion,

    /// <summary>Grade conditions: also total, basePoints, bonus and penalty.</summary>
    Grade,

    /// <summary>Award eligibility: also rank and groupSize.</summary>
    Award,
}
