using System.Collections.Immutable;
using System.Globalization;
using System.Linq.Expressions;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Compilation;

/// <summary>Translates every expression of a rule set once (decimal mode) into delegates over a <see cref="ValueRow"/>.</summary>
internal sealed class RuleSetCompiler
{
    private readonly RowLayout layout;
    private readonly List<string> errors = [];

    private RuleSetCompiler(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        layout = new RowLayout(ruleSet.Indicators);
    }

    private RuleSet RuleSet { get; }

    public static (RowLayout Layout, ImmutableArray<CompiledCriterion> Criteria, ImmutableArray<CompiledGrade> Grades, ImmutableArray<CompiledAward> Awards) Compile(RuleSet ruleSet)
    {
        var compiler = new RuleSetCompiler(ruleSet);
        var criteria = compiler.CompileCriteria();
        var grades = ruleSet.Grades
            .Select(g => new CompiledGrade(g, g.Condition is null ? null : compiler.CompileExpression(g.Condition, ValueKind.Boolean, RowScopeKind.Grade, g.Path + ".condition")))
            .ToImmutableArray();
        var awards = ruleSet.Awards
            .Select(a => new CompiledAward(a, a.Eligibility is null ? null : compiler.CompileExpression(a.Eligibility, ValueKind.Boolean, RowScopeKind.Award, a.Path + ".eligibility")))
            .ToImmutableArray();
        if (compiler.errors.Count > 0)
        {
            throw new RuleSetCompilationException(ruleSet.Id, [.. compiler.errors]);
        }
        return (compiler.layout, criteria, grades, awards);
    }

    private ImmutableArray<CompiledCriterion> CompileCriteria()
    {
        var result = ImmutableArray.CreateBuilder<CompiledCriterion>();
        for (var s = 0; s < RuleSet.Sections.Length; s++)
        {
            foreach (var criterion in RuleSet.Sections[s].Criteria)
            {
                result.Add(CompileCriterion(criterion, result.Count, CriterionPart.Section, s));
            }
        }
        foreach (var criterion in RuleSet.Bonus.Criteria)
        {
            result.Add(CompileCriterion(criterion, result.Count, CriterionPart.Bonus, -1));
        }
        foreach (var criterion in RuleSet.Penalty.Criteria)
        {
            result.Add(CompileCriterion(criterion, result.Count, CriterionPart.Penalty, -1));
        }
        return result.ToImmutable();
    }

    private CompiledCriterion CompileCriterion(Criterion criterion, int index, CriterionPart part, int sectionIndex)
    {
        var path = criterion.Path;
        CompiledExpression? Number(string text, string field) => CompileExpression(text, ValueKind.Number, RowScopeKind.Criterion, $"{path}.{field}");
        return criterion.Method switch
        {
            BandsMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, Value = Number(m.Value, "value") },
            TargetMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, Value = Number(m.Value, "value"), Target = Number(m.Target, "target") },
            RelativeMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, Value = Number(m.Value, "value"), Target = m.Target is null ? null : Number(m.Target, "target") },
            RankMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, Value = Number(m.Value, "value") },
            CountMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, Value = Number(m.Value, "value") },
            ExpressionMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, Value = Number(m.Formula, "formula") },
            CheckMethod m => new()
            {
                Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex,
                Condition = CompileExpression(m.Condition, ValueKind.Boolean, RowScopeKind.Criterion, path + ".condition"),
            },
            DeadlineMethod m => new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex, DateSlot = DateSlot(m.Date, path + ".date") },
            _ => Unsupported(criterion, index, part, sectionIndex),
        };
    }

    private CompiledCriterion Unsupported(Criterion criterion, int index, CriterionPart part, int sectionIndex)
    {
        errors.Add($"{criterion.Path}: bộ máy chấm điểm không hỗ trợ phương pháp '{criterion.Method.Name}'.");
        return new() { Criterion = criterion, Index = index, Part = part, SectionIndex = sectionIndex };
    }

    private int DateSlot(string text, string path)
    {
        var id = text.Trim();
        if (layout.TryGetSlot(id, out var slot) && layout.IndicatorAt(slot) is { Type: IndicatorType.Date })
        {
            return slot;
        }
        errors.Add($"{path}: '{id}' không phải chỉ số kiểu ngày đã khai báo; phương pháp 'deadline' cần một chỉ số như vậy.");
        return -1;
    }

    /// <summary>Compiles one expression; on failure records the errors and returns null.</summary>
    internal CompiledExpression? CompileExpression(string text, ValueKind expected, RowScopeKind kind, string path)
    {
        var row = Expression.Parameter(typeof(ValueRow), "row");
        var scope = new RowScope(layout, row, kind);
        ExpressionTranslation translation;
        try
        {
            translation = RuleExpressionCompiler.Translate(text, scope, NumericMode.Decimal, expected);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors.Add($"{path}: «{text}»: lỗi nội bộ khi dịch biểu thức ({ex.GetType().Name}).");
            return null;
        }
        if (!translation.Succeeded)
        {
            foreach (var error in translation.Errors)
            {
                errors.Add($"{path}: «{text}», cột {error.Column}: {error.Message}");
            }
            if (translation.Errors.IsEmpty)
            {
                errors.Add($"{path}: không dịch được «{text}».");
            }
            return null;
        }
        var body = translation.Body!;
        if (translation.Kind != expected)
        {
            errors.Add($"{path}: «{text}» là {Describe(translation.Kind)} nhưng ở đây cần {Describe(expected)}.");
            return null;
        }

        var info = RuleExpressionCompiler.Analyze(text);
        var required = SlotsOf(info.Required);
        var read = SlotsOf(info.Required.Concat(info.Optional).Distinct(StringComparer.Ordinal));
        var trimmed = text.Trim();
        var bare = layout.TryGetSlot(trimmed, out var bareSlot) && layout.IsIndicator(bareSlot) ? trimmed : null;
        decimal? constant = decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var c) ? c : null;
        if (expected == ValueKind.Number)
        {
            if (body.Type != typeof(decimal))
            {
                body = Expression.Convert(body, typeof(decimal));
            }
            return new CompiledExpression
            {
                Text = trimmed, RequiredSlots = required, ReadSlots = read, TouchedSlots = [.. scope.Touched], BareIdentifier = bare, BareSlot = bare is null ? -1 : bareSlot, Constant = constant,
                Body = body, RowParameter = row,
                NumberLambda = Expression.Lambda<Func<ValueRow, decimal>>(body, row),
            };
        }
        return new CompiledExpression
        {
            Text = trimmed, RequiredSlots = required, ReadSlots = read, TouchedSlots = [.. scope.Touched], BareIdentifier = bare, BareSlot = bare is null ? -1 : bareSlot,
            Body = body, RowParameter = row,
            BooleanLambda = Expression.Lambda<Func<ValueRow, bool>>(body, row),
        };
    }

    private ImmutableArray<int> SlotsOf(IEnumerable<string> names)
    {
        var slots = ImmutableArray.CreateBuilder<int>();
        foreach (var name in names)
        {
            if (layout.TryGetSlot(name, out var slot) && !slots.Contains(slot))
            {
                slots.Add(slot);
            }
        }
        return slots.ToImmutable();
    }

    private static string Describe(ValueKind kind) => kind == ValueKind.Boolean ? "một điều kiện (true/false)" : "một số";
}
