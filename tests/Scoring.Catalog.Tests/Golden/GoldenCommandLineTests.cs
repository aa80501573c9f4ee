using System.Globalization;
using Scoring.Catalog.Tests.Samples;

namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// The same hand-checked groups through the command line a secretariat would use:
/// `score --rules rules-catalog/&lt;tenant&gt; --data samples/&lt;tenant&gt; --year 2025 --format csv`.
/// </summary>
[TestFixture]
public sealed class GoldenCommandLineTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        GoldenCases.All().Select(c => new TestCaseData(c).SetName($"Score_verb_{c.Tenant}_{c.Group}_{c.Year}"));

    [TestCaseSource(nameof(Cases))]
    public async Task Score_verb_prints_the_hand_computed_ranking(object golden)
    {
        var expected = (GoldenCase)golden;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CommandLine.RunAsync(
        [
            "score", "--rules", SamplePaths.Rules(expected.Tenant), "--data", SamplePaths.Data(expected.Tenant),
            "--year", expected.Year.ToString(CultureInfo.InvariantCulture), "--format", "csv",
        ], output, error);

        Assert.That(exit, Is.Zero, error.ToString());
        var (records, errors) = CsvText.Parse(output.ToString());
        Assert.That(errors, Is.Empty, "the printed CSV parses");

        var header = records[0].Fields;
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new AssertionException($"column '{name}' missing from {string.Join(",", header)}");
        var (group, rank, unit, total, grade, award) = (Column("Mã cụm/khối"), Column("Hạng"), Column("Mã đơn vị"),
            Column("Tổng điểm"), Column("Mã xếp loại"), Column("Mã khen thưởng"));

        var actual = records.Skip(1)
            .Where(r => r.Fields[group] == expected.Group)
            .Select(r => new GoldenUnit(
                r.Fields[unit],
                int.Parse(r.Fields[rank], CultureInfo.InvariantCulture),
                decimal.Parse(r.Fields[total], CultureInfo.InvariantCulture),
                r.Fields[grade],
                r.Fields[award].Length == 0 ? null : r.Fields[award]))
            .ToList();
        Assert.That(actual, Is.EqualTo(expected.Ranking));
    }
}
