using Scoring.Rules.Loading;
using Scoring.Rules.Versions;

namespace Scoring.Host.Cli;

/// <summary>
/// Prints what changed between old and new rule sets (<see cref="RuleSetDiff"/>), pairing documents by id; a file
/// against a file pairs directly.
/// </summary>
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

            var text = RuleSetDiff.Compare(before.RuleSet, after.RuleSet).ToText(DiffLanguage.Vietnamese);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                output.WriteLine($"  {line.TrimEnd('\r')}");
            }
        }
    }
}
