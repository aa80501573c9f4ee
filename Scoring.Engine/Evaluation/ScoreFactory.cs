using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// Shared pieces of every method: rounding and clamping, the values used, labels, and the missing/error outcomes.
/// One per criterion and compiled rule set (<see cref="CompiledRuleSet.Factories"/>): everything that does not
/// depend on the unit (the slots read, the operand's label, "/max điểm") is computed once here.
/// </summary>
internal sealed class ScoreFactory
{
    private readonly CompiledRuleSet ruleSet;
    private readonly CompiledCriterion criterion;
    private readonly int precision;
    private readonly string maxSuffix;
    private readonly int[] usedSlots;

    public ScoreFactory(CompiledRuleSet ruleSet, CompiledCriterion criterion)
    {
        this.ruleSet = ruleSet;
        this.criterion = criterion;
        precision = ruleSet.RuleSet.Precision;
        Max = criterion.Criterion.MaxPoints;
        maxSuffix = string.Concat("/", Vn.Number(Max), " điểm");
        var slots = new List<int>();
        foreach (var expression in new[] { criterion.Value, criterion.Target, criterion.Condition })
        {
            if (expression is not null)
            {
                slots.AddRange(expression.ReadSlots.Where(s => !slots.Contains(s)));
            }
        }
        usedSlots = [.. slots];
        MemoSlots = MemoSlotsOf(criterion, slots);
        if (criterion.Criterion.Method is TargetMethod && criterion.Target is { TouchedSlots.IsEmpty: true, RequiredSlots.IsEmpty: true } target)
        {
            // A target that reads nothing of the row is a constant: evaluate it once (on an empty row) with its texts.
            try
            {
                var value = target.EvaluateNumber(new ValueRow(ruleSet.Layout.Size));
                ConstantTarget = new ConstantOperand(value, new UsedValue("target", Vn.Invariant(value)), Vn.Number(value));
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                ConstantTarget = null;
            }
        }
        ValueLabel = criterion.Value is null ? "" : Label(criterion.Value);
        ValuePrefix = ValueLabel + " = ";
        FormulaPrefix = criterion.Value is null ? "" : $"Công thức «{criterion.Value.Text}» = ";
        if (criterion.Criterion.Method is BandsMethod bands)
        {
            Bands = [.. bands.Rows.Select((band, i) =>
            {
                var points = Points(band.Points);
                return new BandText(points, $"band:{i + 1}", Reason(points, $" thuộc mức «{UnitMethods.Describe(band)}»"));
            })];
            NoBandReason = Reason(0m, " không thuộc mức nào của bảng");
        }
        if (criterion.Criterion.Method is CheckMethod check && criterion.Condition is { } condition)
        {
            PassPoints = Points(check.Points ?? Max);
            PassReason = Reason(PassPoints, condition.BareIdentifier is not null ? $"{Label(condition)}: có" : $"Đạt điều kiện «{condition.Text}»");
            FailReason = Reason(0m, condition.BareIdentifier is not null ? $"{Label(condition)}: không" : $"Không đạt điều kiện «{condition.Text}»");
        }
    }

    /// <summary>A constant operand's value, as a used value, and its text in reasons.</summary>
    internal sealed record ConstantOperand(decimal Value, UsedValue Used, string Number);

    /// <summary>A band row's points, outcome and the end of its reason (after "label = value").</summary>
    internal sealed record BandText(decimal Points, string Outcome, string ReasonEnd);

    public CompiledCriterion Compiled => criterion;

    public Criterion Criterion => criterion.Criterion;

    public decimal Max { get; }

    /// <summary><see cref="Label"/> of the value operand ("" without one).</summary>
    public string ValueLabel { get; }

    /// <summary>"label = ", how reasons about the value operand start.</summary>
    public string ValuePrefix { get; }

    /// <summary>
    /// The one or two slots that alone determine this criterion's score in the per-unit pass (everything its
    /// delegates can read, the values it reports, the presence it checks), or null when there are more or it needs the
    /// group. Units with the same inputs then share one score (<see cref="UnitMethods.EvaluateAll"/>).
    /// </summary>
    public int[]? MemoSlots { get; }

    /// <summary>Target method: the target when it reads no slot (e.g. "1000"), else null.</summary>
    public ConstantOperand? ConstantTarget { get; }

    /// <summary>"Công thức «text» = ", how formula reasons start.</summary>
    public string FormulaPrefix { get; }

    /// <summary>Bands: each row's points, outcome and reason end; empty for other methods.</summary>
    public ImmutableArray<BandText> Bands { get; } = [];

    /// <summary>Bands: the reason end when no row contains the value.</summary>
    public string NoBandReason { get; } = "";

    /// <summary>Check: points, and the whole reasons, when the condition holds or not.</summary>
    public decimal PassPoints { get; }

    /// <inheritdoc cref="PassPoints"/>
    public string PassReason { get; } = "";

    /// <inheritdoc cref="PassPoints"/>
    public string FailReason { get; } = "";

    /// <summary>Rounds to the rule set's precision (away from zero) and clamps to [0, max].</summary>
    public decimal Points(decimal raw)
    {
        var rounded = Math.Round(raw, precision, MidpointRounding.AwayFromZero);
        return Vn.Normalize(Math.Clamp(rounded, 0m, Max));
    }

    /// <summary>A finished score; the reason gets "→ points/max điểm" appended.</summary>
    public CriterionScore Score(decimal points, ImmutableArray<UsedValue> values, string outcome, string explanation) =>
        new(Criterion.Id, Criterion.Title, points, Max, values, outcome, string.Concat(explanation, " → ", Vn.Number(points), maxSuffix));

    /// <summary>A finished score whose reason is given in parts (no intermediate string for the explanation).</summary>
    public CriterionScore Score(decimal points, ImmutableArray<UsedValue> values, string outcome, string part1, string part2, string part3) =>
        new(Criterion.Id, Criterion.Title, points, Max, values, outcome, string.Concat([part1, part2, part3, " → ", Vn.Number(points), maxSuffix]));

    /// <summary>A finished score whose whole reason, "→ points/max điểm" included, is known in advance.</summary>
    public CriterionScore ScoreWithReason(decimal points, ImmutableArray<UsedValue> values, string outcome, string reason) =>
        new(Criterion.Id, Criterion.Title, points, Max, values, outcome, reason);

    /// <summary>The reason <see cref="Score(decimal, ImmutableArray{UsedValue}, string, string)"/> would write, for texts computed once.</summary>
    public string Reason(decimal points, string explanation) => string.Concat(explanation, " → ", Vn.Number(points), maxSuffix);

    /// <summary>0 points, outcome "missing": a required value was not submitted and has no default.</summary>
    public CriterionScore Missing(ImmutableArray<UsedValue> values, int slot) =>
        Score(0m, values, "missing", $"Chưa có số liệu: {Title(slot)}");

    /// <summary>0 points, outcome "error": the computation failed (e.g. division by zero).</summary>
    public CriterionScore Error(ImmutableArray<UsedValue> values, Exception exception) =>
        Score(0m, values, "error", $"Lỗi khi tính điểm: {Describe(exception)}");

    /// <summary>The values the criterion's operands read (value, target, condition), in order, as invariant text (null = missing).</summary>
    public ImmutableArray<UsedValue> Used(ValueRow row)
    {
        if (usedSlots.Length == 0)
        {
            return [];
        }
        var values = new UsedValue[usedSlots.Length];
        for (var i = 0; i < usedSlots.Length; i++)
        {
            values[i] = UsedSlot(row, usedSlots[i]);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary><see cref="Used(ValueRow)"/> with room for <paramref name="extra"/> more values, which the caller adds.</summary>
    public UsedValue[] UsedWithRoom(ValueRow row, int extra)
    {
        var values = new UsedValue[usedSlots.Length + extra];
        for (var i = 0; i < usedSlots.Length; i++)
        {
            values[i] = UsedSlot(row, usedSlots[i]);
        }
        return values;
    }

    /// <summary>The slot's value as a used value; one instance per row and slot (records are immutable, so sharing is safe).</summary>
    public UsedValue UsedSlot(ValueRow row, int slot) =>
        row.UsedValues[slot] ??= new UsedValue(SlotName(slot), row.Present[slot] ? ValueText(slot, row.Values[slot]) : null);

    /// <summary><see cref="Vn.Number"/> of a value, from the row's cache when it is the bare operand's own input.</summary>
    public string NumberText(ValueRow row, CompiledExpression operand, decimal value)
    {
        // Equal decimals print the same text (trailing zeros are dropped), so the slot's text serves any equal value.
        if (operand.BareSlot >= 0 && row.Values[operand.BareSlot] == value)
        {
            return row.NumberTexts[operand.BareSlot] ??= Vn.Number(value);
        }
        return Vn.Number(value);
    }

    /// <summary>What to call an operand in a reason: the indicator's title, the number, or the formula in «».</summary>
    public string Label(CompiledExpression expression) =>
        expression.BareIdentifier is { } id && ruleSet.Layout.TryGetSlot(id, out var slot) ? Title(slot)
        : expression.Constant is { } constant ? Vn.Number(constant)
        : $"«{expression.Text}»";

    public string Title(int slot) => ruleSet.Layout.IndicatorAt(slot)?.Title ?? RowLayout.DerivedNames[slot - ruleSet.Layout.Indicators.Length];

    public static LocalDate DateOf(decimal dayNumber) => new LocalDate(1970, 1, 1).PlusDays((int)dayNumber);

    /// <summary>Exceptions an expression may raise at run time that make the criterion "error" instead of failing the run.</summary>
    public static bool IsEvaluationFailure(Exception exception) =>
        exception is RuleEvaluationException or ArithmeticException;

    private static int[]? MemoSlotsOf(CompiledCriterion criterion, List<int> used)
    {
        if (criterion.NeedsGroup)
        {
            return null;
        }
        if (criterion.Criterion.Method is DeadlineMethod)
        {
            return criterion.DateSlot >= 0 ? [criterion.DateSlot] : null;
        }
        var slots = new SortedSet<int>(used);
        foreach (var expression in new[] { criterion.Value, criterion.Target, criterion.Condition })
        {
            if (expression is not null)
            {
                slots.UnionWith(expression.TouchedSlots);
                slots.UnionWith(expression.RequiredSlots);
                slots.UnionWith(expression.ReadSlots);
            }
        }
        return slots.Count is >= 1 and <= 2 ? [.. slots] : null;
    }

    private string SlotName(int slot) => ruleSet.Layout.IndicatorAt(slot)?.Id ?? RowLayout.DerivedNames[slot - ruleSet.Layout.Indicators.Length];

    private string ValueText(int slot, decimal value) => ruleSet.Layout.IndicatorAt(slot)?.Type switch
    {
        IndicatorType.Boolean => value != 0m ? "true" : "false",
        IndicatorType.Date => Vn.IsoDate(DateOf(value)),
        _ => Vn.Invariant(value),
    };

    private static string Describe(Exception exception) => exception switch
    {
        RuleEvaluationException => exception.Message,
        DivideByZeroException => "phép chia cho 0",
        OverflowException => "giá trị vượt quá giới hạn tính toán",
        _ => exception.Message,
    };
}
