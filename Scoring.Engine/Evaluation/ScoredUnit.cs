using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Engine.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// A unit after the per-unit pass: its row in the pass's tables (exact inputs and points) and its notes. The
/// <see cref="Row"/> that group methods, grades, awards and explanations read is built from the table on first use.
/// </summary>
internal sealed class ScoredUnit(UnitPoints pass, UnitRecord unit, int index, IReadOnlyList<string> notes, ValueRow? built = null)
{
    private ValueRow? row = built;

    public UnitPoints Pass => pass;

    public UnitRecord Unit => unit;

    /// <summary>The unit's row in <see cref="UnitPoints.Table"/> and <see cref="UnitPoints.Points"/>.</summary>
    public int Index => index;

    public IReadOnlyList<string> Notes => notes;

    /// <summary>The unit's values by slot (defaults applied); shared, never written after it is built.</summary>
    public ValueRow Row => LazyInitializer.EnsureInitialized(ref row, () => pass.Ruleset.Layout.RowFromTable(pass.Table, index, pass.Year));

    /// <summary>The points of a per-unit criterion (by criterion index).</summary>
    public decimal PointsOf(int criterion)
    {
        var column = pass.Kernel.Columns[criterion];
        return column >= 0 ? Text.Vn.Normalize(pass.Points![index, column]) : pass.ExactPoints![index][criterion];
    }
}

/// <summary>The per-unit pass of one request: the tables every <see cref="ScoredUnit"/> of it reads.</summary>
internal sealed record UnitPoints(CompiledRuleSet Ruleset, int Year, PointsKernel Kernel, IndicatorTable Table, PointsTable? Points, decimal[][]? ExactPoints);
