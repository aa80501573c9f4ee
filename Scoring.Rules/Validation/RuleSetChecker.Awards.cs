using Scoring.Rules.Expressions;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private void CheckAwards()
    {
        CheckDuplicates(set.Awards, a => a.Id, a => a.Path, "award id");
        var gradeIds = set.Grades.Select(g => g.Id).ToList();
        var awardIds = set.Awards.Select(a => a.Id).ToList();
        for (var index = 0; index < set.Awards.Length; index++)
        {
            var award = set.Awards[index];
            var p = award.Path;
            // Awards given in different years (e.g. the mid-term and the final review) may share a precedence.
            var clash = set.Awards.Take(index).FirstOrDefault(o => o.Precedence == award.Precedence && YearsOverlap(o, award));
            if (clash is not null && !IsBroken(p + ".precedence"))
            {
                bag.Error(DiagnosticCodes.AwardPrecedence, p + ".precedence",
                    $"Award `{award.Id}` has precedence {award.Precedence}, the same as `{clash.Id}`, in a year both are given; the order in which awards are given must be unambiguous.",
                    "Give each award a different precedence (higher is given first), or give them in different years.");
            }
            CheckGradeRefs($"Award `{award.Id}`", p + ".grades", award.Grades, gradeIds);
            for (var i = 0; i < award.Years.Length; i++)
            {
                if (!set.Years.Contains(award.Years[i]))
                {
                    bag.Error(DiagnosticCodes.AwardYears, $"{p}.years[{i}]",
                        $"Award `{award.Id}` is given in {award.Years[i]}, outside the rule set's years {set.Years.From}–{set.Years.To}.",
                        "List only years the rule set applies to.");
                }
            }
            if (award.MaxRank is < 1)
            {
                bag.Error(DiagnosticCodes.AwardQuota, p + ".maxRank", $"Award `{award.Id}`: maxRank {award.MaxRank} must be at least 1 (1 = the leader of the group).",
                    "Write 1 for the leader only, 3 for the first three, and so on.");
            }
            CheckQuota(award, awardIds);
            for (var i = 0; i < award.Prerequisites.Length; i++)
            {
                CheckPrerequisite(award, award.Prerequisites[i], awardIds, gradeIds);
            }
            if (award.Eligibility is { } eligibility)
            {
                CheckExpression($"Award `{award.Id}`, `eligibility`", p + ".eligibility", eligibility, ValueKind.Boolean, RuleSetReader.ReservedNames);
            }
        }
    }

    private bool YearsOverlap(AwardRule a, AwardRule b) => EffectiveYears(a).Intersect(EffectiveYears(b)).Any();

    // An award without years is given in every year of the rule set.
    private IEnumerable<int> EffectiveYears(AwardRule award) =>
        award.Years.IsEmpty ? Enumerable.Range(set.Years.From, Math.Max(0, set.Years.To - set.Years.From + 1)) : award.Years;

    private void CheckGradeRefs(string label, string path, IReadOnlyList<string> grades, List<string> gradeIds)
    {
        for (var i = 0; i < grades.Count; i++)
        {
            if (!gradeIds.Contains(grades[i], StringComparer.Ordinal))
            {
                bag.Error(DiagnosticCodes.AwardGrade, $"{path}[{i}]",
                    $"{label} names grade `{grades[i]}`, which is not declared.{Suggestions.DidYouMean(grades[i], gradeIds)}",
                    $"Use one of the grade ids: {string.Join(", ", gradeIds)}.");
            }
        }
    }

    private void CheckQuota(AwardRule award, List<string> awardIds)
    {
        var p = award.Path + ".quota";
        var quota = award.Quota;
        if (quota.PerGroup is < 1)
        {
            bag.Error(DiagnosticCodes.AwardQuota, p + ".perGroup", $"Award `{award.Id}`: perGroup {quota.PerGroup} must be at least 1.",
                "Write the most units per group that may receive it, or remove perGroup for no limit.");
        }
        if (quota.PerTenant is < 1)
        {
            bag.Error(DiagnosticCodes.AwardQuota, p + ".perTenant", $"Award `{award.Id}`: perTenant {quota.PerTenant} must be at least 1.",
                "Write the most units in the whole tenant that may receive it, or remove perTenant for no limit.");
        }
        if (quota.MaxShare is { } share && (share <= 0 || share > 1))
        {
            bag.Error(DiagnosticCodes.AwardMaxShare, p + ".maxShare", $"Award `{award.Id}`: maxShare {F(share)} must be above 0 and at most 1.",
                "Write a fraction, e.g. 0.2 for 20%.");
        }
        if (quota.ShareOf is { } shareOf && shareOf != "group" && (!awardIds.Contains(shareOf, StringComparer.Ordinal) || shareOf == award.Id))
        {
            bag.Error(DiagnosticCodes.AwardShareOf, p + ".shareOf",
                $"Award `{award.Id}`: shareOf \"{shareOf}\" is neither \"group\" nor the id of another award.{Suggestions.DidYouMean(shareOf, awardIds.Append("group").Where(a => a != award.Id))}",
                "Write \"group\" (a share of the group's members) or another award's id (a share of the units qualifying for it).");
        }
    }

    private void CheckPrerequisite(AwardRule award, AwardPrerequisite prerequisite, List<string> awardIds, List<string> gradeIds)
    {
        if (IsBroken(prerequisite.Path))
        {
            return;
        }
        if (prerequisite.Award is { } other)
        {
            if (!awardIds.Contains(other, StringComparer.Ordinal))
            {
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".award",
                    $"Award `{award.Id}`: the prerequisite names award `{other}`, which is not declared.{Suggestions.DidYouMean(other, awardIds)}",
                    $"Use one of the award ids: {string.Join(", ", awardIds)}.");
            }
            else if (other == award.Id && prerequisite.Kind == PrerequisiteKind.QualifiesFor)
            {
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".award",
                    $"Award `{award.Id}` cannot require qualifying for itself.", "Name another award, or remove the prerequisite.");
            }
        }
        CheckGradeRefs($"Award `{award.Id}`'s prerequisite", prerequisite.Path + ".grades", prerequisite.Grades, gradeIds);
    }
}
