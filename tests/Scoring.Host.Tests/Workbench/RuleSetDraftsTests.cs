using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using NodaTime;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Storage;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The draft store on the real databases: a new version copied from a published one, saves with revisions, the
/// importers' entry point, publication through the API's intake (then the draft is gone and the version immutable), the
/// audit of every write, and who may do it.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class RuleSetDraftsTests(Backend backend)
{
    private static readonly Actor Maintainer = new("canbo", Roles.RuleMaintainer, TestData.Tenant, null, new HashSet<string>());
    private static readonly Actor OtherMaintainer = new("canbo-khac", Roles.RuleMaintainer, "gia-lai", null, new HashSet<string>());
    private static readonly Actor Secretariat = new("thuky", Roles.Secretariat, TestData.Tenant, null, new HashSet<string> { "cum-1" });
    private StorageTarget target = null!;

    [SetUp]
    public async Task CreateSchemaAndPublish()
    {
        target = new StorageTarget(backend.Provider());
        using (var connection = target.OpenConnection())
        {
            await new SchemaMigrator(backend.Provider(), SystemClock.Instance).MigrateAsync(connection);
        }

        await using var db = target.Context();
        var published = await Publication(db).PublishAsync(Encoding.UTF8.GetBytes(TestData.RuleSetJson("1.1.0")), "r.json", Maintainer, CancellationToken.None);
        Assert.That(published.Status, Is.EqualTo(RuleSetPublishStatus.Created), published.Problem);
    }

    [TearDown]
    public void DropDatabase() => target.Dispose();

    [Test]
    public async Task NewVersionFromAPublishedOne_IsSavedWithRevisions_AndPublishedThroughTheIntake()
    {
        await using var db = target.Context();
        var drafts = Drafts(db);
        var created = await drafts.CreateFromAsync(TestData.RuleSetId, "1.1.0", "1.2.0", Maintainer, CancellationToken.None);
        Assert.That(created.Problem, Is.Null);
        Assert.That((created.Draft!.Version, created.Draft.BasedOnVersion, created.Draft.Revision, created.Draft.Origin), Is.EqualTo(("1.2.0", "1.1.0", 1, RuleSetDrafts.FromVersion)));
        Assert.That((string?)JObject.Parse(created.Draft.Json)["version"], Is.EqualTo("1.2.0"));

        // A save changes a band's points; the revision the editor started from must be the stored one.
        var root = JObject.Parse(created.Draft.Json);
        root["sections"]![1]!["criteria"]![0]!["bands"]![1]!["points"] = 8;
        var saved = await drafts.SaveAsync(TestData.RuleSetId, "1.2.0", root.ToString(), 1, Maintainer, CancellationToken.None);
        Assert.That(saved.Draft!.Revision, Is.EqualTo(2));
        var stale = await drafts.SaveAsync(TestData.RuleSetId, "1.2.0", root.ToString(), 1, Maintainer, CancellationToken.None);
        Assert.That(stale.Problem, Does.Contain("lưu sau khi bạn mở"));
        root["version"] = "9.9.9";
        Assert.That((await drafts.SaveAsync(TestData.RuleSetId, "1.2.0", root.ToString(), 2, Maintainer, CancellationToken.None)).Problem, Does.Contain("`version`"));
        Assert.That((await drafts.SaveAsync(TestData.RuleSetId, "1.2.0", "{ \"id\": ", 2, Maintainer, CancellationToken.None)).Problem, Does.Contain("không phải JSON hợp lệ"));

        var (publishedDraft, publication) = await drafts.PublishAsync(TestData.RuleSetId, "1.2.0", 2, Maintainer, CancellationToken.None);
        Assert.That(publishedDraft.Problem, Is.Null);
        Assert.That(publication!.Status, Is.EqualTo(RuleSetPublishStatus.Created));
        await using var check = target.Context();
        var version = await check.RuleSetVersions.SingleAsync(v => v.Version == "1.2.0");
        Assert.That(version.Sha256, Is.EqualTo(publication.Intake.Sha256));
        Assert.That((decimal?)JObject.Parse(version.Json)["sections"]![1]!["criteria"]![0]!["bands"]![1]!["points"], Is.EqualTo(8m));
        Assert.That(await check.RuleSetDrafts.CountAsync(), Is.Zero, "a published draft is no longer a draft");
        var actions = await check.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.That(actions, Is.EqualTo(new[] { "ruleset.publish", "ruleset.draft.create", "ruleset.draft.save", "ruleset.publish", "ruleset.draft.publish" }));

        // The published number cannot be drafted again.
        var again = await drafts.CreateFromAsync(TestData.RuleSetId, "1.2.0", "1.2.0", Maintainer, CancellationToken.None);
        Assert.That(again.Problem, Does.Contain("đã được công bố"));
    }

    [Test]
    public async Task AnInvalidDraft_IsKept_ButNotPublished()
    {
        await using var db = target.Context();
        var drafts = Drafts(db);
        var draft = (await drafts.CreateFromAsync(TestData.RuleSetId, "1.1.0", "1.2.0", Maintainer, CancellationToken.None)).Draft!;
        var root = JObject.Parse(draft.Json);
        root["sections"]![1]!["criteria"]![0]!["bands"]![1]!["below"] = 0.85m; // [0.7, 0.85) now overlaps the row above, from 0.8
        Assert.That((await drafts.SaveAsync(TestData.RuleSetId, "1.2.0", root.ToString(), 1, Maintainer, CancellationToken.None)).Succeeded, Is.True);
        var (refused, publication) = await drafts.PublishAsync(TestData.RuleSetId, "1.2.0", 2, Maintainer, CancellationToken.None);
        Assert.That(refused.Succeeded, Is.False);
        Assert.That(publication!.Status, Is.EqualTo(RuleSetPublishStatus.Invalid));
        Assert.That(publication.Intake.Diagnostics.Select(d => d.Code), Does.Contain("RS0504"));
        await using var check = target.Context();
        Assert.That(await check.RuleSetVersions.CountAsync(), Is.EqualTo(1));
        Assert.That(await check.RuleSetDrafts.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task ImportersCreateDrafts_FromJson_InTheirOwnTenantOnly()
    {
        await using var db = target.Context();
        var drafts = Drafts(db);
        var json = new JObject { ["id"] = "son-la.nhap-excel", ["version"] = "0.1.0", ["title"] = "Bảng điểm nhập từ Excel", ["sections"] = new JArray() }.ToString();
        var created = await drafts.CreateAsync(TestData.Tenant, json, Maintainer, "excel", CancellationToken.None);
        Assert.That(created.Problem, Is.Null);
        Assert.That((string?)JObject.Parse(created.Draft!.Json)["tenant"], Is.EqualTo(TestData.Tenant), "the tenant is filled in");
        Assert.That(created.Draft.Origin, Is.EqualTo("excel"));

        Assert.That((await drafts.CreateAsync(TestData.Tenant, json, OtherMaintainer, "excel", CancellationToken.None)).Forbidden, Is.True);
        Assert.That((await drafts.CreateAsync(TestData.Tenant, json, Secretariat, "excel", CancellationToken.None)).Forbidden, Is.True);
        Assert.That((await drafts.CreateAsync(TestData.Tenant, json, Maintainer, "excel", CancellationToken.None)).Problem, Does.Contain("Đã có bản nháp"));
        Assert.That((await drafts.CreateAsync(TestData.Tenant, "[1]", Maintainer, "excel", CancellationToken.None)).Problem, Does.Contain("đối tượng JSON"));
        var noVersion = new JObject { ["id"] = "son-la.x", ["version"] = "một" }.ToString();
        Assert.That((await drafts.CreateAsync(TestData.Tenant, noVersion, Maintainer, "excel", CancellationToken.None)).Problem, Does.Contain("Số phiên bản"));
        var othersId = new JObject { ["id"] = TestData.RuleSetId, ["version"] = "5.0.0" }.ToString();
        Assert.That((await drafts.CreateAsync("gia-lai", othersId, OtherMaintainer, "excel", CancellationToken.None)).Problem, Does.Contain("thuộc về 'son-la'"));

        Assert.That((await drafts.CreateFromAsync(TestData.RuleSetId, "1.1.0", "1.3.0", OtherMaintainer, CancellationToken.None)).Forbidden, Is.True);
        Assert.That((await drafts.SaveAsync("son-la.nhap-excel", "0.1.0", json, 1, OtherMaintainer, CancellationToken.None)).Forbidden, Is.True);
        Assert.That((await drafts.DeleteAsync("son-la.nhap-excel", "0.1.0", Secretariat, CancellationToken.None)).Forbidden, Is.True);
        Assert.That(await drafts.ListAsync(OtherMaintainer, CancellationToken.None), Is.Empty);
        Assert.That((await drafts.ListAsync(Maintainer, CancellationToken.None)).Select(d => d.RuleSetId), Is.EqualTo(new[] { "son-la.nhap-excel" }));
        Assert.That((await drafts.DeleteAsync("son-la.nhap-excel", "0.1.0", Maintainer, CancellationToken.None)).Succeeded, Is.True);
        await using var check = target.Context();
        Assert.That(await check.RuleSetDrafts.CountAsync(), Is.Zero);
    }

    private static RuleSetPublication Publication(ScoringDbContext db) => new(db, new AuditTrail(SystemClock.Instance), SystemClock.Instance);

    private static RuleSetDrafts Drafts(ScoringDbContext db) => new(db, new AuditTrail(SystemClock.Instance), SystemClock.Instance, Publication(db));
}
