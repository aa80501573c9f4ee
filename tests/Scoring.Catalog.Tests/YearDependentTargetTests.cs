using Scoring.Engine;
using Scoring.Engine.Model;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Catalog.Tests;

/// <summary>
/// Issue 13: catalog 2.3.0 (docs/catalog.md): the fully-online procedures target follows its trajectory, and Lai
/// Châu's plan criterion scores the phase-2 plan (due in Q2 2027) from 2027 instead of the 2025 plan.
/// </summary>
[TestFixture]
public sealed class YearDependentTargetTests
{
    private static RuleSet Governing(string tenant, string subject, int year) =>
        CatalogFiles.PlanRuleSets()
            .Where(f => f.StartsWith(tenant + "/", StringComparison.Ordinal))
            .Select(f => RuleSetLoader.LoadFile(Path.Combine(CatalogFiles.Catalog, f)).Document!)
            .Where(d => d.RuleSet.Id == $"{tenant}.dmst-cds.{subject}" && d.RuleSet.Years.Contains(year))
            .OrderByDescending(d => Version.Parse(d.RuleSet.Version))
            .First().RuleSet;

    // A department offering 60 % of its procedures fully online: 5 × min(60 / target, 1).
    [TestCase("gia-lai", "so-ban-nganh", 2027, 4.53)]   // 60 / 66.24 = 0.9058 → 4.529 → 4.53
    [TestCase("son-la", "so-ban-nganh", 2028, 4.05)]    // 60 / 74.16 = 0.8091 → 4.045 → 4.05
    [TestCase("lai-chau", "so-ban-nganh", 2029, 3.65)]  // 60 / 82.08 = 0.7310 → 3.655 → 3.65 (3.6549…)
    [TestCase("gia-lai", "so-ban-nganh", 2030, 3.33)]   // 60 / 90 → 3.333 → 3.33
    public void The_fully_online_target_follows_the_trajectory(string tenant, string subject, int year, decimal points)
    {
        var ruleSet = Governing(tenant, subject, year);
        var compiled = ScoringEngine.Compile(ruleSet, new Scoring.Rules.Versions.RuleSetIdentity(ruleSet.Id, ruleSet.Version, new string('0', 64)));
        var unit = new UnitRecord("u", "Sở", "department", false,
            new Dictionary<string, IndicatorValue> { ["fullyOnlineProcedureRate"] = IndicatorValue.FromNumber(60m) });

        var result = ScoringEngine.Score(new ScoringRequest(compiled, year, [new GroupRecord("K", "Khối", "bloc", ["u"])], [unit], []));

        Assert.That(ruleSet.Version, Is.EqualTo("2.3.0"));
        Assert.That(result.Groups[0].Ranking[0].Sections.SelectMany(s => s.Criteria).Single(c => c.Id == "II.3").Points, Is.EqualTo(points));
    }

    [TestCase("so-ban-nganh")]
    [TestCase("xa-phuong")]
    [TestCase("doanh-nghiep")]
    [TestCase("mttq-doan-the")]
    public void Lai_Chau_scores_the_phase_2_plan_from_2027(string subject)
    {
        DeadlineMethod Plan(int year) => (DeadlineMethod)Governing("lai-chau", subject, year).AllCriteria.Single(c => c.Id == "I.1").Method;

        Assert.That(Plan(2026).Due.For(2026).Year, Is.EqualTo(2025), "phase 1: the 2025 plan");
        Assert.That(Plan(2027).Due.For(2027), Is.EqualTo(new NodaTime.LocalDate(2027, 6, 30)), "phase 2: Q2 2027");
        Assert.That(Governing("lai-chau", subject, 2027).AllCriteria.Single(c => c.Id == "I.1").Clause, Does.Contain("quý II năm 2027").Or.Contain("quý II/2027"));
    }
}
