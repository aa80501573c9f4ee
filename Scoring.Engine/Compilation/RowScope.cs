using System.Linq.Expressions;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Compilation;

/// <summary>
/// Resolves identifiers to elements of the row parameter: <c>row.Values[i]</c> (numbers), <c>row.Values[i] != 0</c>
/// (booleans) and <c>row.Present[i]</c> for <c>??</c>. Date indicators are not expression values.
/// </summary>
internal sealed class RowScope(RowLayout layout, ParameterExpression row, RowScopeKind kind) : IExpressionScope
{
    private static readonly System.Reflection.PropertyInfo ValuesProperty = typeof(ValueRow).GetProperty(nameof(ValueRow.Values))!;
    private static readonly System.Reflection.PropertyInfo PresentProperty = typeof(ValueRow).GetProperty(nameof(ValueRow.Present))!;

    public ParameterExpression Row => row;

    /// <summary>Every slot an expression resolved through this scope reads (values or presence): all the row it can see.</summary>
    public SortedSet<int> Touched { get; } = [];

    public bool TryResolve(string name, out Expression expression, out ValueKind valueKind)
    {
        expression = null!;
        valueKind = ValueKind.Number;
        if (!TryGetVisibleSlot(name, out var slot))
        {
            return false;
        }
        Touched.Add(slot);
        var element = Expression.ArrayIndex(Expression.Property(row, ValuesProperty), Expression.Constant(slot));
        var definition = layout.IndicatorAt(slot);
        if (definition?.Type == IndicatorType.Date)
        {
            return false;
        }
        if (definition?.Type == IndicatorType.Boolean)
        {
            expression = Expression.NotEqual(element, Expression.Constant(0m));
            valueKind = ValueKind.Boolean;
            return true;
        }
        expression = element;
        return true;
    }

    public bool TryResolvePresence(string name, out Expression isPresent)
    {
        isPresent = null!;
        if (!TryGetVisibleSlot(name, out var slot) || !layout.IsIndicator(slot))
        {
            return false;
        }
        Touched.Add(slot);
        isPresent = Expression.ArrayIndex(Expression.Property(row, PresentProperty), Expression.Constant(slot));
        return true;
    }

    private bool TryGetVisibleSlot(string name, out int slot)
    {
        if (!layout.TryGetSlot(name, out slot))
        {
            return false;
        }
        if (layout.IsIndicator(slot) || slot == layout.YearSlot)
        {
            return true;
        }
        return kind switch
        {
            RowScopeKind.Award => true,
            RowScopeKind.Grade => slot != layout.RankSlot && slot != layout.GroupSizeSlot,
            _ => false,
        };
    }
}
