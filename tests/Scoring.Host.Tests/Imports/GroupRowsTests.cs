namespace Scoring.Host.Tests.Imports;

/// <summary>The one groups-row parser: the same rules and messages for groups-yyyy.csv and for an import, every problem at once.</summary>
public sealed class GroupRowsTests
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "xa-a", "xa-b", "xa-c", "xa-d" };

    private static RowsResult<GroupRow> Parse(string csv) => GroupRows.Parse(TabularReader.ReadCsv(csv), Units);

    private const string Header = "group,groupName,groupKind,unit,role\n";

    [Test]
    public void ReadsGroupsInOrder_WithMembersInRowOrder()
    {
        var result = Parse(Header + "cum-2,Cụm 2,cluster,xa-c,head\ncum-1,Cụm 1,bloc,xa-a,head\ncum-2,Cụm 2,cluster,xa-b,member\n");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Items.Select(g => (g.Code, g.Kind, string.Join(" ", g.Members.Select(m => m.Unit)))),
            Is.EqualTo(new[] { ("cum-2", "cluster", "xa-c xa-b"), ("cum-1", "bloc", "xa-a") }));
    }

    [Test]
    public void CollectsEveryProblem_WithRowAndColumn()
    {
        var result = Parse(Header +
            "cum-1,Cụm 1,cluster,xa-a,head\n" +
            "cum-1,Cụm Một,cluster,xa-b,leader\n" +
            "cum-2,,group,xa-z,member\n" +
            "cum-2,Cụm 2,bloc,xa-a,member\n" +
            ",Cụm ?,bloc,xa-d,member\n");

        Assert.That(result.Errors.Select(e => (e.Row, e.Column)), Is.EqualTo(new[]
        {
            (3, "role"), (3, "groupName"),
            (4, "groupName"), (4, "groupKind"), (4, "unit"),
            (5, "unit"),
            (6, "group"),
        }));
        Assert.That(result.Errors[5].Message, Does.StartWith("đơn vị xa-a đã thuộc cum-1 (dòng 2)"));
    }

    [Test]
    public void TheImportReportsTheFirstProblemAndCarriesAll()
    {
        var error = Assert.Throws<ImportException>(() =>
            GroupsApi.ParseGroups(TabularReader.ReadCsv(Header + "cum-1,Cụm 1,cluster,xa-z,head\ncum-1,Cụm 1,cluster,xa-a,boss\n"), 2025, Units))!;

        Assert.That((error.Row, error.Column), Is.EqualTo((2, "unit")));
        Assert.That(error.All, Has.Count.EqualTo(2));
    }
}
