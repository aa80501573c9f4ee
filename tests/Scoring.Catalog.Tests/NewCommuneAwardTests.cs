using Scoring.Engine;
using Scoring.Engine.Model;
using Scoring.Rules.Loading;

namespace Scoring.Catalog.Tests;

/// <summary>
/// Issue 13: communes created on 1/7/2025 are not barred from the 2025 provincial flag for lacking a 2024 result
/// (docs/catalog.md, "1.0.1"). The cluster is the rule set's own leading-commune test case and its peers; the leader
/// (97.82, xuất sắc) has no history, as every commune created by the reorganisation.
/// </summary>
[TestFixture]
public sealed class NewCommuneAwardTests
{
    private const string Flag = "co-thi-dua-tinh";

    private static IEnumerable<ScoredAward> Flags(string tenant, string file, IEnumerable<HistoryRecord> history)
    {
        var document = RuleSetLoader.LoadFile(Path.Combine(CatalogFiles.Catalog, tenant, "dmst-cds-2025-2030", file)).Document!;
        var compiled = ScoringEngine.Compile(document.RuleSet, document.Identity);
        var leader = document.RuleSet.Tests.First(t => t.Year == 2025 && t.ExpectedGrade == "xuat-sac");
        UnitRecord[] units =
        [
            new("new", "Xã mới", "locality", false, leader.Values),
            .. leader.Peers.Select(p => new UnitRecord(p.Code, "Xã " + p.Code, "locality", false, p.Values)),
        ];
        var request = new ScoringRequest(compiled, 2025, [new GroupRecord("C", "Cụm thử", "cluster", [.. units.Select(u => u.Code)])], [.. units], [.. history]);
        var result = ScoringEngine.Score(request);
        Assert.That(result.Groups.Single().Ranking.First().Code, Is.EqualTo("new"), "the leading commune leads");
        return result.Awards.Where(a => a.Award == Flag).Select(a => new ScoredAward(a.UnitCode, a.Reason));
    }

    [TestCase("gia-lai")]
    [TestCase("lai-chau")]
    public void The_1_0_0_flag_bars_a_commune_without_a_2024_result(string tenant)
    {
        Assert.That(Flags(tenant, "xa-phuong.rules.json", []), Is.Empty);
    }

    [TestCase("gia-lai")]
    [TestCase("lai-chau")]
    public void From_1_0_1_a_new_commune_is_judged_on_the_years_it_has(string tenant)
    {
        var flags = Flags(tenant, "xa-phuong.v1.0.1.rules.json", []).ToList();

        Assert.That(flags.Select(f => f.Unit), Is.EqualTo(new[] { "new" }));
        Assert.That(flags[0].Reason, Does.Contain("năm 2024 chưa có kết quả (đơn vị chưa thành lập)"));
    }

    [TestCase("gia-lai")]
    [TestCase("lai-chau")]
    public void A_commune_that_has_a_2024_result_must_still_have_been_excellent(string tenant)
    {
        Assert.That(Flags(tenant, "xa-phuong.v1.0.1.rules.json", [new HistoryRecord("new", 2024, "tot", null)]), Is.Empty);
        Assert.That(Flags(tenant, "xa-phuong.v1.0.1.rules.json", [new HistoryRecord("new", 2024, "xuat-sac", null)]).Select(f => f.Unit),
            Is.EqualTo(new[] { "new" }));
    }

    private sealed record ScoredAward(string Unit, string Reason);
}
