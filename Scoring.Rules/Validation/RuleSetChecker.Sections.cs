using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private void CheckSections()
    {
        CheckDuplicates(set.Sections, s => s.Id, s => s.Path, "section id");
        CheckDuplicates(set.AllCriteria, c => c.Id, c => c.Path, "criterion id");
        foreach (var section in set.Sections)
        {
            var sum = section.Criteria.Sum(c => c.MaxPoints);
            if (sum != section.MaxPoints && !IsBroken(section.Path + ".maxPoints") && !section.Criteria.Any(c => IsBroken(c.Path + ".maxPoints")))
            {
                bag.Error(DiagnosticCodes.SectionSumMismatch, section.Path + ".maxPoints",
                    $"Section `{section.Id}` has maxPoints {F(section.MaxPoints)} but its criteria's maxPoints add up to {F(sum)} " +
                    $"({string.Join(" + ", section.Criteria.Select(c => F(c.MaxPoints)))}).",
                    $"Set the section's maxPoints to {F(sum)} or correct the criteria's maxPoints.");
            }
            foreach (var criterion in section.Criteria)
            {
                CheckCriterion(criterion);
            }
        }
        CheckAdjustment(set.Bonus, "bonus", penalty: false);
        CheckAdjustment(set.Penalty, "penalty", penalty: true);
    }

    private void CheckAdjustment(Adjustment adjustment, string name, bool penalty)
    {
        if (!IsBroken(adjustment.Path + ".cap") && (adjustment.Cap < 0 || (adjustment.Cap == 0 && !adjustment.Criteria.IsEmpty)))
        {
            bag.Error(DiagnosticCodes.AdjustmentCap, adjustment.Path + ".cap",
                $"The {name} cap is {F(adjustment.Cap)}; with criteria it must be above 0 (their points are capped at it).",
                $"Set `{name}.cap` to the most a unit can gain{(penalty ? " (lose)" : string.Empty)} in total, e.g. 10.");
        }
        foreach (var criterion in adjustment.Criteria)
        {
            CheckCriterion(criterion);
        }
    }

    private void CheckCriterion(Criterion criterion)
    {
        var p = criterion.Path;
        if (!IsBroken(p + ".maxPoints") && criterion.MaxPoints <= 0)
        {
            bag.Error(DiagnosticCodes.CriterionMaxPoints, p + ".maxPoints", $"Criterion `{criterion.Id}` has maxPoints {F(criterion.MaxPoints)}.",
                "Give it a maxPoints above 0.");
        }
        if (IsBroken(p + ".method"))
        {
            return;
        }
        switch (criterion.Method)
        {
            case BandsMethod bands:
                CheckNumber(criterion, "value", bands.Value);
                CheckBands(criterion, bands);
                break;
            case TargetMethod target:
                CheckNumber(criterion, "value", target.Value);
                CheckNumber(criterion, "target", target.Target);
                if (IsLiteral(target.Target, out var t) && t <= 0)
                {
                    bag.Error(DiagnosticCodes.TargetNotPositive, p + ".target", $"Criterion `{criterion.Id}`: the target {F(t)} is not above 0.",
                        "Write a positive target (the value that earns full points).");
                }
                break;
            case RelativeMethod relative:
                CheckNumber(criterion, "value", relative.Value);
                if (relative.Target is { } relativeTarget)
                {
                    CheckNumber(criterion, "target", relativeTarget);
                    if (IsLiteral(relativeTarget, out var rt) && rt <= 0)
                    {
                        bag.Error(DiagnosticCodes.TargetNotPositive, p + ".target", $"Criterion `{criterion.Id}`: the target {F(rt)} is not above 0.",
                            "Write a positive target, or an indicator holding each unit's assigned target.");
                    }
                }
                break;
            case RankMethod rank:
                CheckNumber(criterion, "value", rank.Value);
                CheckRank(criterion, rank);
                break;
            case CheckMethod check:
                CheckCondition(criterion, "condition", check.Condition);
                if (check.Points is { } points && (points < 0 || points > criterion.MaxPoints) && !IsBroken(p + ".maxPoints"))
                {
                    bag.Error(DiagnosticCodes.CheckPoints, p + ".points",
                        $"Criterion `{criterion.Id}`: points {F(points)} is outside [0, {F(criterion.MaxPoints)}] (its maxPoints).",
                        "Write points between 0 and maxPoints, or leave `points` out to give maxPoints.");
                }
                break;
            case CountMethod count:
                CheckNumber(criterion, "value", count.Value);
                if (!IsBroken(p + ".pointsEach") && count.PointsEach <= 0)
                {
                    bag.Error(DiagnosticCodes.CountPointsEach, p + ".pointsEach",
                        $"Criterion `{criterion.Id}`: pointsEach is {F(count.PointsEach)}; it must be above 0.",
                        "Write the points each occurrence earns (or deducts, for a penalty), e.g. 2.");
                }
                break;
            case DeadlineMethod deadline:
                CheckDeadline(criterion, deadline);
                break;
            case ExpressionMethod expression:
                CheckNumber(criterion, "formula", expression.Formula);
                break;
        }
    }

    private static bool IsLiteral(string text, out decimal value) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value);

    private void CheckRank(Criterion criterion, RankMethod rank)
    {
        var p = criterion.Path;
        if (IsBroken(p + ".points") || IsBroken(p + ".maxPoints"))
        {
            return;
        }
        if (rank.Points.IsEmpty)
        {
            bag.Error(DiagnosticCodes.RankPoints, p + ".points", $"Criterion `{criterion.Id}`: `points` is empty.",
                "List the points for the first, second, … positions, e.g. [10, 8, 6].");
        }
        for (var i = 0; i < rank.Points.Length; i++)
        {
            var points = rank.Points[i];
            if (points < 0 || points > criterion.MaxPoints)
            {
                bag.Error(DiagnosticCodes.RankPoints, $"{p}.points[{i}]",
                    $"Criterion `{criterion.Id}`: points[{i}] = {F(points)} is outside [0, {F(criterion.MaxPoints)}] (its maxPoints).",
                    "Write points between 0 and maxPoints.");
            }
            else if (i > 0 && points > rank.Points[i - 1])
            {
                bag.Error(DiagnosticCodes.RankPoints, $"{p}.points[{i}]",
                    $"Criterion `{criterion.Id}`: position {i + 1} gets {F(points)}, more than position {i} ({F(rank.Points[i - 1])}).",
                    "List the points from the first position down: they must not increase.");
            }
        }
        if (!rank.Points.IsEmpty && !IsBroken(p + ".otherwise") && (rank.Otherwise < 0 || rank.Otherwise > rank.Points[^1]))
        {
            bag.Error(DiagnosticCodes.RankPoints, p + ".otherwise",
                $"Criterion `{criterion.Id}`: otherwise = {F(rank.Otherwise)} must be between 0 and the last listed points ({F(rank.Points[^1])}).",
                "Give the units ranked after the list no more than the last position.");
        }
    }

    private void CheckDeadline(Criterion criterion, DeadlineMethod deadline)
    {
        var p = criterion.Path;
        if (!IsBroken(p + ".date") && deadline.Date.Length > 0)
        {
            if (!indicators.TryGetValue(deadline.Date, out var indicator))
            {
                bag.Error(DiagnosticCodes.UnknownIdentifier, p + ".date",
                    $"Criterion `{criterion.Id}`: `date` names `{deadline.Date}`, which is not a declared indicator." +
                    Suggestions.DidYouMean(deadline.Date, indicators.Values.Where(i => i.Type == IndicatorType.Date).Select(i => i.Id)),
                    "Declare a date indicator in `indicators` and name it here.");
            }
            else if (indicator.Type != IndicatorType.Date)
            {
                bag.Error(DiagnosticCodes.DeadlineNotDate, p + ".date",
                    $"Criterion `{criterion.Id}`: `{deadline.Date}` is a {indicator.Type.ToString().ToLowerInvariant()} indicator; the deadline method needs a date indicator.",
                    "Name an indicator with \"type\": \"date\", or use another method for this value.");
            }
        }
        if (!IsBroken(p + ".deduct") && deadline.Deduction < 0)
        {
            bag.Error(DiagnosticCodes.DeadlineSettings, p + ".deduct", $"Criterion `{criterion.Id}`: deduct is {F(deadline.Deduction)}; it must be 0 or more.",
                "Write the points deducted per day or week late, e.g. 1.");
        }
        if (!IsBroken(p + ".floor") && !IsBroken(p + ".maxPoints") && (deadline.Floor < 0 || deadline.Floor > criterion.MaxPoints))
        {
            bag.Error(DiagnosticCodes.DeadlineSettings, p + ".floor",
                $"Criterion `{criterion.Id}`: floor {F(deadline.Floor)} is outside [0, {F(criterion.MaxPoints)}] (its maxPoints).",
                "Write the least points a late report keeps, between 0 and maxPoints.");
        }
    }

    private void CheckNumber(Criterion criterion, string property, string text) =>
        CheckExpression($"Criterion `{criterion.Id}`, `{property}`", criterion.Path + "." + property, text, ValueKind.Number, []);

    private void CheckCondition(Criterion criterion, string property, string text) =>
        CheckExpression($"Criterion `{criterion.Id}`, `{property}`", criterion.Path + "." + property, text, ValueKind.Boolean, []);
}
