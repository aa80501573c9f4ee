namespace Scoring.Host.AdminConsole;

/// <summary>
/// One chain of the audit log: the entries that record successive states of one thing (an entity's key and the kind of
/// state its entries hash). The chain is unbroken when every entry's before hash is the previous entry's after hash;
/// otherwise <see cref="BrokenAt"/> is the first entry whose before does not match.
/// </summary>
internal sealed record AuditChain(string Entity, string Key, string Kind, IReadOnlyList<AuditEntry> Entries, long? BrokenAt)
{
    public bool Unbroken => BrokenAt is null;

    /// <summary>
    /// The kind of state an action's entry hashes: a submission's values, its workflow status and its evidence list are three
    /// states with three chains; every other entity's actions hash one state (a run's status, an account, a unit, a group).
    /// </summary>
    public static string KindOf(AuditEntry entry) => entry.Action switch
    {
        "submission.create" or "submission.revise" => "giá trị báo cáo",
        "evidence.attach" => "minh chứng",
        _ when entry.Entity == "submission" => "trạng thái hồ sơ",
        "run.enqueue" => "yêu cầu chấm",
        _ => entry.Entity,
    };

    /// <summary>Groups entries into chains (in id order within each) and checks each link.</summary>
    public static IReadOnlyList<AuditChain> Of(IEnumerable<AuditEntry> entries) =>
        entries.GroupBy(e => (e.Entity, e.EntityKey, Kind: KindOf(e)))
            .Select(g =>
            {
                var ordered = g.OrderBy(e => e.Id).ToList();
                long? broken = null;
                for (var i = 1; i < ordered.Count && broken is null; i++)
                {
                    if (!string.Equals(ordered[i].BeforeSha256, ordered[i - 1].AfterSha256, StringComparison.Ordinal))
                    {
                        broken = ordered[i].Id;
                    }
                }

                return new AuditChain(g.Key.Entity, g.Key.EntityKey, g.Key.Kind, ordered, broken);
            })
            .OrderBy(c => c.Entity, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ToList();
}
