using NodaTime;

namespace Scoring.Catalog.Tests.Samples;

/// <summary>
/// The four tenants' sample data (samples/, docs/data.md) load with the command line's reader without errors or
/// warnings and have the sizes of the real tenants after the 2025 reorganisation.
/// </summary>
[TestFixture]
public sealed class SampleDataTests
{
    private static readonly string[] Tenants = ["gia-lai", "lai-chau", "son-la", "ia-bang"];

    [TestCaseSource(nameof(Tenants))]
    public void Tenant_loads_without_errors_or_warnings(string tenant)
    {
        var loaded = SampleLoader.Load(tenant);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.RuleSetErrors, Is.Empty, "rule sets and indicators.csv");
            Assert.That(loaded.Data.Errors.Select(e => e.ToString()), Is.Empty, "data errors");
            Assert.That(loaded.Data.Warnings.Select(e => e.ToString()), Is.Empty, "data warnings");
            Assert.That(loaded.Dataset.Tenant.Code, Is.EqualTo(tenant));
            Assert.That(loaded.Dataset.Years.Keys, Is.EquivalentTo(new[] { 2025, 2026, 2027 }), "the whole first phase");
        });
    }

    [TestCase("son-la", "runsServiceCentre", "SL-P01")]
    [TestCase("ia-bang", "runsServiceCentre", "IB-A05")]
    [TestCase("son-la", "leadsEducationSector", "SL-D07")]
    public void Only_the_unit_with_the_function_reports_it(string tenant, string indicator, string unit)
    {
        var data = SampleLoader.Load(tenant).Dataset;

        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            var holders = data.Years[year].Values.Where(v => v.Value.ContainsKey(indicator)).Select(v => v.Key).ToList();
            Assert.That(holders, Is.EqualTo(new[] { unit }), $"{year}");
            Assert.That(data.Years[year].ValuesOf(unit)[indicator].Value.ToString(), Is.EqualTo("true"), $"{year}");
        }
    }

    [TestCase("gia-lai", 135, 25)]
    [TestCase("lai-chau", 38, 2)]
    [TestCase("son-la", 75, 8)]
    public void Province_has_its_communes_and_wards_of_2026(string tenant, int localities, int wards)
    {
        var data = SampleLoader.Load(tenant).Dataset;
        var active = Active(data, 2026).Where(u => u.Kind == "locality").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(active, Has.Count.EqualTo(localities));
            Assert.That(active.Count(u => u.Name.StartsWith("Phường ", StringComparison.Ordinal)), Is.EqualTo(wards));
            Assert.That(active.Count(u => u.Name.StartsWith("Xã ", StringComparison.Ordinal)), Is.EqualTo(localities - wards));
            Assert.That(active.Select(u => u.Name).Distinct().Count(), Is.EqualTo(localities), "names are unique");
        });
    }

    [TestCase("gia-lai", "department", 15)]
    [TestCase("gia-lai", "front", 6)]
    [TestCase("gia-lai", "enterprise", 36)]
    [TestCase("lai-chau", "department", 14)]
    [TestCase("lai-chau", "front", 6)]
    [TestCase("lai-chau", "enterprise", 24)]
    [TestCase("son-la", "department", 15)]
    [TestCase("son-la", "front", 6)]
    [TestCase("son-la", "enterprise", 30)]
    [TestCase("son-la", "party-office", 4)]
    [TestCase("son-la", "armed-forces", 3)]
    [TestCase("son-la", "public-service", 6)]
    [TestCase("ia-bang", "commune-agency", 10)]
    [TestCase("ia-bang", "front", 5)]
    [TestCase("ia-bang", "enterprise", 11)]
    public void Tenant_has_its_other_units_in_2026(string tenant, string kind, int count)
    {
        var data = SampleLoader.Load(tenant).Dataset;

        Assert.That(Active(data, 2026).Count(u => u.Kind == kind), Is.EqualTo(count));
    }

    [TestCaseSource(nameof(Tenants))]
    public void Every_active_unit_is_in_exactly_one_group_each_year(string tenant)
    {
        var data = SampleLoader.Load(tenant).Dataset;
        foreach (var (year, yearData) in data.Years)
        {
            var members = yearData.Groups.SelectMany(g => g.Members.Select(m => m.Unit)).ToList();
            var active = Active(data, year).Select(u => u.Code).ToList();

            Assert.That(members, Is.EquivalentTo(active), $"{tenant} {year}");
        }
    }

    [TestCaseSource(nameof(Tenants))]
    public void Clusters_have_8_to_15_communes_and_every_group_one_head_and_one_deputy(string tenant)
    {
        var data = SampleLoader.Load(tenant).Dataset;
        Assert.Multiple(() =>
        {
            foreach (var (year, yearData) in data.Years)
            {
                foreach (var group in yearData.Groups)
                {
                    if (group.Kind == "cluster")
                    {
                        var active = group.Members.Count(m => !data.Units[m.Unit].IsDissolvedIn(year));
                        Assert.That(active, Is.InRange(8, 15), $"{group.Code} {year}");
                        Assert.That(group.Members.All(m => data.Units[m.Unit].Kind == "locality"), $"{group.Code} {year} holds communes only");
                    }

                    Assert.That(group.Members.Count(m => m.Role == "head"), Is.EqualTo(1), $"{group.Code} {year} head");
                    Assert.That(group.Members.Count(m => m.Role == "deputy"), Is.EqualTo(group.Members.Length > 1 ? 1 : 0), $"{group.Code} {year} deputy");
                }
            }
        });
    }

    [TestCaseSource(nameof(Tenants))]
    public void Heads_rotate_between_2025_and_2026(string tenant)
    {
        var data = SampleLoader.Load(tenant).Dataset;
        var heads2025 = data.Years[2025].Groups.ToDictionary(g => g.Code, g => g.Members.Single(m => m.Role == "head").Unit);
        var heads2026 = data.Years[2026].Groups.ToDictionary(g => g.Code, g => g.Members.Single(m => m.Role == "head").Unit);

        Assert.Multiple(() =>
        {
            foreach (var (group, head) in heads2026)
            {
                Assert.That(head, Is.Not.EqualTo(heads2025[group]), group);
            }
        });
    }

    [TestCase("gia-lai", "GL-D07", "GL-D05")]
    [TestCase("lai-chau", "LC-E90", "LC-E03")]
    [TestCase("son-la", "SL-L90", "SL-L028")]
    [TestCase("ia-bang", "IB-E90", "IB-E02")]
    public void Merged_unit_submits_for_2025_and_is_gone_in_2026(string tenant, string merged, string successor)
    {
        var data = SampleLoader.Load(tenant).Dataset;
        var unit = data.Units[merged];

        Assert.Multiple(() =>
        {
            Assert.That(unit.Successor, Is.EqualTo(successor));
            Assert.That(unit.IsDissolvedIn(2025), Is.True);
            Assert.That(data.Years[2025].ValuesOf(merged), Is.Not.Empty);
            Assert.That(data.Years[2025].Groups.Any(g => g.Members.Any(m => m.Unit == merged)), Is.True);
            Assert.That(data.Years[2026].Groups.Any(g => g.Members.Any(m => m.Unit == merged)), Is.False);
            Assert.That(data.Years[2026].ValuesOf(merged), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Tenants))]
    public void Some_units_report_late_some_leave_rows_out_and_two_straddle_local_midnight(string tenant)
    {
        var data = SampleLoader.Load(tenant).Dataset;
        var deadline = data.Tenant.Movement.ReportDeadline;
        var zone = data.Tenant.Movement.TimeZone;
        Assert.Multiple(() =>
        {
            foreach (var (year, yearData) in data.Years)
            {
                var due = deadline.InYear(year);
                var local = yearData.ReportsSubmittedAt.ToDictionary(r => r.Key, r => r.Value.InZone(zone));
                var late = local.Count(r => r.Value.Date > due);
                Assert.That(late, Is.GreaterThan(0), $"{year}: late reports");
                Assert.That(late, Is.LessThan(local.Count / 4 + 2), $"{year}: most reports are on time");

                // One report at 23:50 on the due day and one at 00:20 the next day, whose UTC date is the due day.
                Assert.That(local.Values.Any(t => t.Date == due && t.TimeOfDay == new LocalTime(23, 50)), Is.True, $"{year}: 23:50 local");
                Assert.That(local.Values.Any(t => t.Date == due.PlusDays(1) && t.TimeOfDay == new LocalTime(0, 20)
                                                  && t.ToInstant().InUtc().Date == due), Is.True, $"{year}: 00:20 local");

                // Units of one kind submit the same indicators; an incomplete unit has fewer rows than the others of its kind.
                var incomplete = yearData.Values
                    .GroupBy(v => data.Units[v.Key].Kind)
                    .Sum(kind => kind.Count(v => v.Value.Count < kind.Max(k => k.Value.Count)));
                Assert.That(incomplete, Is.GreaterThan(0), $"{year}: incomplete units");
            }
        });
    }

    [Test]
    public void Provinces_report_about_15_to_20_percent_of_records_online_in_2025_and_more_in_2026()
    {
        foreach (var tenant in new[] { "gia-lai", "lai-chau", "son-la" })
        {
            var data = SampleLoader.Load(tenant).Dataset;
            var mean2025 = MeanOverLocalities(data, 2025, "onlineApplicationRate");
            var mean2026 = MeanOverLocalities(data, 2026, "onlineApplicationRate");
            var dti2025 = MeanOverLocalities(data, 2025, "dti");

            Assert.Multiple(() =>
            {
                Assert.That(mean2025, Is.InRange(15m, 20m), $"{tenant}: online applications 2025");
                Assert.That(mean2026, Is.GreaterThan(mean2025 + 5m), $"{tenant}: online applications improve in 2026");
                Assert.That(dti2025, Is.InRange(0.6m, 0.8m), $"{tenant}: DTI 2025");
            });
        }
    }

    private static decimal MeanOverLocalities(TenantDataset data, int year, string indicator)
    {
        var values = data.Years[year].Values
            .Where(v => data.Units[v.Key].Kind == "locality" && v.Value.ContainsKey(indicator))
            .Select(v => v.Value[indicator].Value.Number)
            .ToList();
        return values.Sum() / values.Count;
    }

    private static IEnumerable<UnitInfo> Active(TenantDataset data, int year) =>
        data.Units.Values.Where(u =>
            (u.ValidFrom is not { } from || from <= new LocalDate(year, 12, 31))
            && (u.ValidTo is not { } to || to >= new LocalDate(year, 1, 1)));
}
