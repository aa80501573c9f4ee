using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Catalog.Tests;

/// <summary>
/// The contents of the plans that the 1.x catalog left unscored (science and technology tasks, digital
/// infrastructure, the communes' digital economy, international and public–private cooperation, the education
/// department's digital transformation, online services of the public-service centres) are scored from 2027 by a
/// criterion that cites the plan's clause and reads the indicator that measures it (docs/catalog.md, "Contents").
/// </summary>
[TestFixture]
public sealed class PlanContentTests
{
    [TestCase("gia-lai", "so-ban-nganh", "scienceTasks", "mục II.7")]
    [TestCase("gia-lai", "so-ban-nganh", "digitalInfrastructureProjects", "mục II.2")]
    [TestCase("gia-lai", "so-ban-nganh", "cooperationAgreements", "mục II.7")]
    [TestCase("gia-lai", "xa-phuong", "broadbandHamletRate", "mục II.2")]
    [TestCase("gia-lai", "xa-phuong", "digitalEconomyBusinessRate", "mục II.4")]
    [TestCase("gia-lai", "xa-phuong", "cooperationAgreements", "mục II.7")]
    [TestCase("gia-lai", "doanh-nghiep", "cooperationAgreements", "mục II.7")]
    [TestCase("lai-chau", "so-ban-nganh", "cooperationAgreements", "mục II.7")]
    [TestCase("lai-chau", "so-ban-nganh", "digitalInfrastructureProjects", "mục II.2")]
    [TestCase("lai-chau", "xa-phuong", "digitalEconomyBusinessRate", "mục II.4")]
    [TestCase("lai-chau", "doanh-nghiep", "cooperationAgreements", "mục III.1.c")]
    [TestCase("son-la", "so-ban-nganh", "digitalInfrastructureProjects", "mục III.2.d")]
    [TestCase("son-la", "so-ban-nganh", "cooperationAgreements", "mục III.2.g")]
    [TestCase("son-la", "so-ban-nganh", "schoolsDigital", "mục VI.4")]
    [TestCase("son-la", "ubnd-xa-phuong", "broadbandHamletRate", "mục III.2.d")]
    [TestCase("son-la", "luc-luong-vu-trang", "cooperationAgreements", "mục III.2.g")]
    [TestCase("son-la", "co-quan-dang-don-vi-su-nghiep", "runsServiceCentre", "mục III.2.đ")]
    [TestCase("son-la", "co-quan-dang-don-vi-su-nghiep", "scienceTasks", "mục III.2.a")]
    [TestCase("ia-bang", "co-quan-don-vi", "runsServiceCentre", "mục II.3")]
    [TestCase("ia-bang", "co-quan-don-vi", "cooperationAgreements", "mục II.7")]
    [TestCase("ia-bang", "doanh-nghiep", "scienceTasks", "mục II.4")]
    public void A_criterion_of_the_2027_version_scores_the_content(string tenant, string subject, string indicator, string clause)
    {
        var ruleSet = Governing(tenant, subject, 2027);

        var criteria = ruleSet.AllCriteria.Where(c => c.Method.ToString()!.Contains(indicator, StringComparison.Ordinal)).ToList();

        Assert.That(ruleSet.Version, Does.StartWith("2."), "the 2.x line (2.0.0 added the contents; 2.1.0 adds the phases)");
        Assert.That(criteria.Select(c => c.Clause), Has.Some.Contains(clause), $"{ruleSet.Id}: a criterion reading {indicator} cites {clause}");
    }

    [TestCase("gia-lai", "so-ban-nganh")]
    [TestCase("son-la", "co-quan-dang-don-vi-su-nghiep")]
    [TestCase("ia-bang", "doanh-nghiep")]
    public void The_years_already_scored_keep_their_version(string tenant, string subject)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Governing(tenant, subject, 2025).Version, Is.EqualTo("1.0.0"));
            Assert.That(Governing(tenant, subject, 2026).Version, Is.EqualTo("1.1.0"));
        });
    }

    private static RuleSet Governing(string tenant, string subject, int year)
    {
        var id = $"{tenant}.dmst-cds.{subject}";
        var candidates = CatalogFiles.PlanRuleSets()
            .Where(f => f.StartsWith(tenant + "/", StringComparison.Ordinal))
            .Select(f => RuleSetLoader.LoadFile(Path.Combine(CatalogFiles.Catalog, f)).Document!.RuleSet)
            .Where(r => r.Id == id && r.Years.Contains(year))
            .ToList();
        Assert.That(candidates, Is.Not.Empty, $"{id} governs {year}");
        return candidates.OrderByDescending(r => Version.Parse(r.Version)).First();
    }
}
