using Scoring.Host.Export;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Host.Cli;

/// <summary>Prints what changed between old and new rule sets, pairing documents by id (a file against a file pairs directly).</summary>
internal static class RuleSetChanges
{
    public static void Write(IReadOnlyList<RuleSetDocument> oldSets, IReadOnlyList<RuleSetDocument> newSets, TextWriter output)
    {
        var pairs = oldSets.Count == 1 && newSets.Count == 1
            ? [(oldSets[0], newSets[0])]
            : oldSets.Join(newSets, o => o.Identity.Id, n => n.Identity.Id, (o, n) => (o, n), StringComparer.Ordinal).ToList();
        foreach (var removed in oldSets.Where(o => pairs.All(p => p.Item1 != o)))
        {
            output.WriteLine($"Bộ tiêu chí bị bỏ: {removed.Identity.Id}@{removed.Identity.Version} ({removed.File})");
        }

        foreach (var added in newSets.Where(n => pairs.All(p => p.Item2 != n)))
        {
            output.WriteLine($"Bộ tiêu chí mới: {added.Identity.Id}@{added.Identity.Version} ({added.File})");
        }

        foreach (var (before, after) in pairs)
        {
            output.WriteLine($"So sánh {before.Identity.Id}@{before.Identity.Version} → {after.Identity.Id}@{after.Identity.Version}");
            if (before.Identity.Sha256 == after.Identity.Sha256)
            {
                output.WriteLine("  Không có thay đổi (cùng mã băm nội dung).");
                continue;
            }

            var lines = CriterionLines(before.RuleSet, after.RuleSet).Concat(OtherLines(before.RuleSet, after.RuleSet)).ToList();
            foreach (var line in lines)
            {
                output.WriteLine($"  {line}");
            }

            if (lines.Count == 0)
            {
                output.WriteLine("  Các tiêu chí giữ nguyên; thay đổi nằm ở phần khác của bộ tiêu chí.");
            }
        }
    }

    private static IEnumerable<string> CriterionLines(RuleSet before, RuleSet after)
    {
        var old = before.AllCriteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var now = after.AllCriteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var criterion in now.Values.Where(c => !old.ContainsKey(c.Id)))
        {
            yield return $"+ Thêm tiêu chí {criterion.Id} «{criterion.Title}» ({Numbers.Vn(criterion.MaxPoints)} điểm, cách chấm {criterion.Method.Name})";
        }

        foreach (var criterion in old.Values.Where(c => !now.ContainsKey(c.Id)))
        {
            yield return $"- Bỏ tiêu chí {criterion.Id} «{criterion.Title}» ({Numbers.Vn(criterion.MaxPoints)} điểm)";
        }

        foreach (var criterion in now.Values.Where(c => old.ContainsKey(c.Id)))
        {
            var previous = old[criterion.Id];
            if (previous.MaxPoints != criterion.MaxPoints)
            {
                yield return $"~ Tiêu chí {criterion.Id}: điểm tối đa {Numbers.Vn(previous.MaxPoints)} → {Numbers.Vn(criterion.MaxPoints)}";
            }

            var oldMethod = MethodDescription.Describe(previous.Method);
            var newMethod = MethodDescription.Describe(criterion.Method);
            if (oldMethod != newMethod)
            {
                yield return $"~ Tiêu chí {criterion.Id}: cách chấm {previous.Method.Name} «{oldMethod}» → {criterion.Method.Name} «{newMethod}»";
            }

            if (previous.Title != criterion.Title)
            {
                yield return $"~ Tiêu chí {criterion.Id}: tên «{previous.Title}» → «{criterion.Title}»";
            }
        }
    }

    private static IEnumerable<string> OtherLines(RuleSet before, RuleSet after)
    {
        var oldSections = before.Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var section in after.Sections.Where(s => oldSections.TryGetValue(s.Id, out var o) && o.MaxPoints != s.MaxPoints))
        {
            yield return $"~ Mục {section.Id}: điểm tối đa {Numbers.Vn(oldSections[section.Id].MaxPoints)} → {Numbers.Vn(section.MaxPoints)}";
        }

        if (before.Bonus.Cap != after.Bonus.Cap)
        {
            yield return $"~ Điểm thưởng tối đa {Numbers.Vn(before.Bonus.Cap)} → {Numbers.Vn(after.Bonus.Cap)}";
        }

        if (before.Penalty.Cap != after.Penalty.Cap)
        {
            yield return $"~ Điểm trừ tối đa {Numbers.Vn(before.Penalty.Cap)} → {Numbers.Vn(after.Penalty.Cap)}";
        }

        var oldGrades = before.Grades.ToDictionary(g => g.Id, StringComparer.Ordinal);
        foreach (var grade in after.Grades)
        {
            if (!oldGrades.TryGetValue(grade.Id, out var old))
            {
                yield return $"+ Thêm xếp loại {grade.Id} «{grade.Title}»";
            }
            else if (old.MinTotal != grade.MinTotal || old.Condition != grade.Condition)
            {
                yield return $"~ Xếp loại {grade.Id}: từ {Min(old.MinTotal)} điểm{Condition(old.Condition)} → từ {Min(grade.MinTotal)} điểm{Condition(grade.Condition)}";
            }
        }

        foreach (var grade in before.Grades.Where(g => after.Grades.All(n => n.Id != g.Id)))
        {
            yield return $"- Bỏ xếp loại {grade.Id} «{grade.Title}»";
        }

        var oldAwards = before.Awards.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var award in after.Awards)
        {
            if (!oldAwards.TryGetValue(award.Id, out var old))
            {
                yield return $"+ Thêm khen thưởng {award.Id} «{award.Title}»";
            }
            else if (old.MinTotal != award.MinTotal || old.MaxRank != award.MaxRank || old.Eligibility != award.Eligibility
                     || !old.Grades.SequenceEqual(award.Grades) || old.Quota != award.Quota || old.Precedence != award.Precedence)
            {
                yield return $"~ Khen thưởng {award.Id}: điều kiện hoặc chỉ tiêu thay đổi (từ {Min(old.MinTotal)} → {Min(award.MinTotal)} điểm, hạng tối đa {old.MaxRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"} → {award.MaxRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"})";
            }
        }

        foreach (var award in before.Awards.Where(a => after.Awards.All(n => n.Id != a.Id)))
        {
            yield return $"- Bỏ khen thưởng {award.Id} «{award.Title}»";
        }
    }

    private static string Min(decimal? value) => value is { } v ? Numbers.Vn(v) : "–";

    private static string Condition(string? condition) => condition is null ? string.Empty : $" và «{condition}»";
}
