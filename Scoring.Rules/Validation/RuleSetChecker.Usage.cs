using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    /// <summary>A declared indicator nothing reads is usually a misspelling or a leftover: warn about it.</summary>
    private void CheckUnusedIndicators()
    {
        if (bag.HasErrors)
        {
            return; // broken criteria make the usage unreliable; the errors come first
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in ExpressionTexts())
        {
            try
            {
                var info = RuleExpressionCompiler.Analyze(text);
                used.UnionWith(info.Required);
                used.UnionWith(info.Optional);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The expression's own error is reported by CheckExpression; usage is only a hint.
            }
        }
        used.UnionWith(set.AllCriteria.Select(c => c.Method).OfType<DeadlineMethod>().Select(d => d.Date));
        used.UnionWith(set.TieBreakers.Where(t => t.Kind == TieBreakerKind.Indicator && t.Ref is not null).Select(t => t.Ref!));
        used.UnionWith(set.Phases.SelectMany(p => p.Measures).Where(m => m.Indicator is not null).Select(m => m.Indicator!));
        foreach (var indicator in set.Indicators.Where(i => i.Id.Length > 0 && !used.Contains(i.Id)))
        {
            bag.Warning(DiagnosticCodes.IndicatorUnused, indicator.Path + ".id",
                $"Chỉ số `{indicator.Id}` đã được khai báo nhưng không tiêu chí, mức xếp loại, hình thức khen thưởng hay quy tắc phân định khi bằng điểm nào dùng đến.",
                "Xoá khai báo này, hoặc kiểm tra xem tên chỉ số dùng trong các tiêu chí có bị viết sai không.");
        }
    }

    private IEnumerable<string> ExpressionTexts()
    {
        foreach (var criterion in set.AllCriteria)
        {
            switch (criterion.Method)
            {
                case BandsMethod m: yield return m.Value; break;
                case TargetMethod m: yield return m.Value; yield return m.Target; break;
                case RelativeMethod m:
                    yield return m.Value;
                    if (m.Target is { } target)
                    {
                        yield return target;
                    }
                    break;
                case RankMethod m: yield return m.Value; break;
                case CheckMethod m: yield return m.Condition; break;
                case CountMethod m: yield return m.Value; break;
                case ExpressionMethod m: yield return m.Formula; break;
            }
        }
        foreach (var condition in set.Grades.Select(g => g.Condition).OfType<string>())
        {
            yield return condition;
        }
        foreach (var eligibility in set.Awards.Select(a => a.Eligibility).OfType<string>())
        {
            yield return eligibility;
        }
    }
}
