using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Catalog.Tests;

/// <summary>
/// From 2027 (catalog 2.2.0) every collective award form names the authority that gives it: a province's cluster
/// rankings propose only provincial and State forms (a Giấy khen is a head's award to his own body, never to peer
/// units of a cluster), and a commune gives its own Giấy khen and sends its proposals of provincial forms to the
/// province (Ia Băng → Gia Lai).
/// </summary>
[TestFixture]
public sealed class AwardAuthorityCatalogTests
{
    private static IEnumerable<RuleSet> Governing2027() =>
        CatalogFiles.PlanRuleSets()
            .Select(f => RuleSetLoader.LoadFile(Path.Combine(CatalogFiles.Catalog, f)).Document!.RuleSet)
            .Where(r => r.Years.Contains(2027) && !r.UnitKinds.Contains(UnitKind.Individual))
            .GroupBy(r => r.Id)
            .Select(g => g.OrderByDescending(r => Version.Parse(r.Version)).First());

    /// <summary>The yearly awards and the awards of the phase reviews.</summary>
    private static IEnumerable<AwardRule> AllAwards(RuleSet set) => set.Awards.Concat(set.Phases.SelectMany(p => p.Awards));

    [Test]
    public void Every_award_of_2027_names_its_authority()
    {
        var sets = Governing2027().ToList();

        Assert.That(sets, Has.Count.EqualTo(17));
        Assert.That(sets.Select(s => s.Version).Distinct(), Is.SubsetOf(new[] { "2.2.0", "2.3.0" }), "2.2.0 added the authorities; 2.3.0 (issue 13) keeps them");
        Assert.That(sets.SelectMany(s => AllAwards(s).Where(a => a.Authority is null).Select(a => $"{s.Id}: {a.Id}")), Is.Empty);
    }

    [Test]
    public void A_province_proposes_no_Giay_khen_to_the_units_of_its_clusters()
    {
        var local = Governing2027().Where(s => s.Tenant != "ia-bang")
            .SelectMany(s => AllAwards(s).Where(a => a.Authority!.Level is AwardAuthorityLevel.HeadOfBody or AwardAuthorityLevel.CommuneChairman).Select(a => $"{s.Id}: {a.Id}"));

        Assert.That(local, Is.Empty);
    }

    [Test]
    public void Ia_Bang_gives_its_own_Giay_khen_and_sends_provincial_forms_to_Gia_Lai()
    {
        var awards = Governing2027().Where(s => s.Tenant == "ia-bang").SelectMany(AllAwards).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(awards.Where(a => a.Authority!.Level == AwardAuthorityLevel.ProvincialChairman).Select(a => a.Authority!.Tenant).Distinct(),
                Is.EqualTo(new[] { "gia-lai" }));
            Assert.That(awards.Where(a => a.Authority!.Level == AwardAuthorityLevel.CommuneChairman).Select(a => a.Authority!.Tenant).Distinct(),
                Is.EqualTo(new string?[] { null }));
            Assert.That(awards.Select(a => a.Authority!.Level).Distinct(), Is.EquivalentTo(new[] { AwardAuthorityLevel.ProvincialChairman, AwardAuthorityLevel.CommuneChairman }));
        });
    }
}
