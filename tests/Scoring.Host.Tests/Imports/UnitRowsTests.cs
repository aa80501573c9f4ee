namespace Scoring.Host.Tests.Imports;

/// <summary>The one units-row parser: the same rules and messages for units.csv and for an import, every problem at once.</summary>
public sealed class UnitRowsTests
{
    private static readonly HashSet<string> NoneStored = new(StringComparer.Ordinal);

    private static RowsResult<UnitRow> Parse(string csv, IReadOnlySet<string>? stored = null) =>
        UnitRows.Parse(TabularReader.ReadCsv(csv), stored ?? NoneStored);

    [Test]
    public void ReadsValidRows_WithOptionalColumnsAbsent()
    {
        var result = Parse("code,name,kind\nxa-a,Xã A,locality\nso-b,Sở B,department\n");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Items.Select(r => (r.Row, r.Code, r.Kind)), Is.EqualTo(new[] { (2, "xa-a", "locality"), (3, "so-b", "department") }));
    }

    [Test]
    public void CollectsEveryProblem_WithRowAndColumn()
    {
        var result = Parse(
            "code,name,kind,validFrom,validTo,successor\n" +
            "xa-a,,village,2025-13-01,,\n" +
            "xa-b,Xã B,locality,2025-07-01,2025-06-30,xa-z\n" +
            "xa-a,Xã A lặp,locality,,,\n" +
            ",Không mã,locality,,,\n" +
            "xa-c,Xã C,locality,45839,,xa-c\n");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors.Select(e => (e.Row, e.Column)), Is.EqualTo(new[]
        {
            (2, "name"), (2, "kind"), (2, "validFrom"),
            (3, "validTo"), (3, "successor"),
            (4, "code"),
            (5, "code"),
            (6, "validFrom"), (6, "successor"),
        }));
        Assert.That(result.Errors[1].Message, Does.StartWith("'village' không phải loại đơn vị"));
        Assert.That(result.Errors[7].Message, Does.Contain("là một số, không phải ngày"));
        Assert.That(result.Errors[8].Message, Does.Contain("không thể kế thừa chính nó"));
    }

    [Test]
    public void SuccessorMayBeStoredOrLaterInTheFile_ButNotACycle()
    {
        var stored = new HashSet<string>(StringComparer.Ordinal) { "xa-stored" };

        Assert.That(Parse("code,name,kind,successor\nxa-a,Xã A,locality,xa-b\nxa-b,Xã B,locality,xa-stored\n", stored).Errors, Is.Empty);
        var cycle = Parse("code,name,kind,successor\nxa-a,Xã A,locality,xa-b\nxa-b,Xã B,locality,xa-a\n");
        Assert.That(cycle.Errors.Select(e => (e.Row, e.Column)), Is.EqualTo(new[] { (2, "successor"), (3, "successor") }));
        Assert.That(cycle.Errors[0].Message, Does.Contain("quay vòng (xa-a → xa-b → xa-a)"));
    }

    [Test]
    public void MissingRequiredColumns_AreNamed()
    {
        var result = Parse("code,ten\nxa-a,Xã A\n");

        Assert.That(result.Errors.Select(e => (e.Row, e.Column)), Is.EqualTo(new[] { (1, "name"), (1, "kind") }));
    }

    [Test]
    public void TheImportReportsTheFirstProblemAndCarriesAll()
    {
        var error = Assert.Throws<ImportException>(() => UnitsApi.ParseUnits(TabularReader.ReadCsv("code,name,kind\nxa-a,Xã A,village\nxa-b,,locality\n"), NoneStored))!;

        Assert.That((error.Row, error.Column), Is.EqualTo((2, "kind")));
        Assert.That(error.All.Select(e => (e.Row, e.Column)), Is.EqualTo(new[] { (2, "kind"), (3, "name") }));
    }
}
