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

            var lines = CriterionLines(before.RuleSet, after.RuleSet).ToList();
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

            if (previous.Method.Name != criterion.Method.Name)
            {
                yield return $"~ Tiêu chí {criterion.Id}: cách chấm {previous.Method.Name} → {criterion.Method.Name}";
            }
        }
    }
}
