using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class SubmissionsApiTests(Backend backend)
{
    private const string Path = "/api/tenants/son-la/submissions/2025/xa-a";
    private ScoringHostFactory host = null!;
    private HttpClient unit = null!;
    private HttpClient secretariat = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend, new Dictionary<string, string?> { ["Submissions:MaxEvidenceBytes"] = "2048" });
        await TestData.SeedAsync(host);
        unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
    }

    [TearDown]
    public void StopHost()
    {
        unit.Dispose();
        secretariat.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task Create_SameIdempotencyKeyTwice_OneSubmissionOneRevision_SameAnswer()
    {
        var first = await Put(unit, new() { ["staffTrained"] = "12" }, key: "k-1");
        var second = await Put(unit, new() { ["staffTrained"] = "12" }, key: "k-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        var a = await first.Content.ReadFromJsonAsync<SubmissionDto>();
        var b = await second.Content.ReadFromJsonAsync<SubmissionDto>();
        Assert.That(b!.Revision, Is.EqualTo(a!.Revision));
        Assert.That(await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task SameKeyWithAnotherBody_IsRefused()
    {
        await Put(unit, new() { ["staffTrained"] = "12" }, key: "k-1");

        var other = await Put(unit, new() { ["staffTrained"] = "13" }, key: "k-1");

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task Revise_NeedsIfMatch_StaleETagIs412_CurrentETagAppendsRevision()
    {
        var created = await Put(unit, new() { ["staffTrained"] = "12" });
        var etag = created.Headers.ETag!.Tag;

        var missing = await Put(unit, new() { ["staffTrained"] = "13" });
        var revised = await Put(unit, new() { ["staffTrained"] = "13" }, ifMatch: etag);
        var stale = await Put(unit, new() { ["staffTrained"] = "14" }, ifMatch: etag);

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
        Assert.That(revised.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        var revisions = await unit.GetFromJsonAsync<List<RevisionDto>>(Path + "/revisions");
        Assert.That(revisions!.Select(r => r.Values["staffTrained"]), Is.EqualTo(new[] { "12", "13" }), "revisions are appended, never overwritten");
    }

    [Test]
    public async Task Patch_ChangesTheValuesSent_NullRemoves_OthersStay_AsANewRevision()
    {
        var created = await Put(unit, new() { ["staffTrained"] = "12", ["staffTotal"] = "40", ["launchHeld"] = "true" });

        var patched = await Patch(unit, new() { ["staffTrained"] = "15", ["launchHeld"] = null }, ifMatch: created.Headers.ETag!.Tag);

        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
        var dto = await patched.Content.ReadFromJsonAsync<SubmissionDto>();
        Assert.That(dto!.Values, Is.EqualTo(new Dictionary<string, string> { ["staffTotal"] = "40", ["staffTrained"] = "15" }));
        Assert.That(dto.Revision, Is.EqualTo(2));
        Assert.That(patched.Headers.ETag, Is.Not.EqualTo(created.Headers.ETag));
        var revisions = await unit.GetFromJsonAsync<List<RevisionDto>>(Path + "/revisions");
        Assert.That(revisions!.Select(r => r.Values.Count), Is.EqualTo(new[] { 3, 2 }), "the first revision is kept whole");
        var audited = await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "submission.revise" && a.EntityKey == "son-la/2025/xa-a"));
        Assert.That(audited, Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_FollowsThePutRules_IfMatchRequired_StaleRefused_NoSubmissionIs404_OthersForbidden()
    {
        var before = await Patch(unit, new() { ["staffTrained"] = "1" }, ifMatch: "*");
        var created = await Put(unit, new() { ["staffTrained"] = "12" });
        var etag = created.Headers.ETag!.Tag;

        var missing = await Patch(unit, new() { ["staffTrained"] = "13" });
        var invalid = await Patch(unit, new() { ["planIssuedOn"] = "31/02/2025" }, ifMatch: etag);
        using var other = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-c");
        var foreign = await Patch(other, new() { ["staffTrained"] = "13" }, ifMatch: etag);
        var revised = await Patch(unit, new() { ["staffTrained"] = "13" }, ifMatch: etag);
        var stale = await Patch(unit, new() { ["staffTrained"] = "14" }, ifMatch: etag);

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await before.Content.ReadAsStringAsync(), Does.Contain("PUT"), "says how to create the submission");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("planIssuedOn"));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(revised.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync()), Is.EqualTo(2));
    }

    [Test]
    public async Task ValuesThatDoNotFitTheirIndicators_Are422_ListingEveryOne_AndNothingIsStored()
    {
        var response = await Put(unit, new()
        {
            ["dti"] = "1.5", ["fullyOnlineProcedureRate"] = "150", ["staffTrained"] = "-3", ["staffTotal"] = "2.5",
            ["pas766"] = "true", ["launchHeld"] = "5", ["residentsTrained"] = "1,000", ["planIssuedOn"] = "2025-13-01",
            ["khongCoChiSoNay"] = "1", ["communicationItems"] = "12",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var listed = problem.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetString()!);
        Assert.That(listed.Keys, Is.EquivalentTo(new[] { "dti", "fullyOnlineProcedureRate", "staffTrained", "staffTotal", "pas766", "launchHeld",
            "residentsTrained", "planIssuedOn", "khongCoChiSoNay" }), "every offending indicator, and only those");
        Assert.That(listed["dti"].GetProperty("title").GetString(), Does.StartWith("Chỉ số chuyển đổi số (DTI)"));
        Assert.That(listed["dti"].GetProperty("value").GetString(), Is.EqualTo("1.5"));
        Assert.That(listed["dti"].GetProperty("allowed").GetString(), Does.Contain("từ 0 đến 1"));
        Assert.That(listed["staffTotal"].GetProperty("problem").GetString(), Does.Contain("không phải số nguyên"));
        Assert.That(listed["residentsTrained"].GetProperty("problem").GetString(), Does.Contain("dấu phẩy"));
        Assert.That(listed["launchHeld"].GetProperty("allowed").GetString(), Is.EqualTo("true hoặc false"));
        Assert.That(listed["khongCoChiSoNay"].GetProperty("problem").GetString(), Does.Contain("không bộ tiêu chí nào"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("9 giá trị không hợp lệ").And.Contain(TestData.RuleSetId));
        Assert.That(await host.WithDbAsync(db => db.Submissions.CountAsync()), Is.Zero, "nothing stored");
        Assert.That(await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task PatchWithAValueOutOfRange_Is422_AndTheSubmissionKeepsItsRevision()
    {
        var created = await Put(unit, new() { ["dti"] = "0.7" });

        var patched = await Patch(unit, new() { ["dti"] = "1.5" }, ifMatch: created.Headers.ETag!.Tag);

        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await patched.Content.ReadAsStringAsync(), Does.Contain("dti").And.Contain("1.5"));
        Assert.That(await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task AnEmptyValueSet_Is422()
    {
        var response = await Put(unit, []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("không có giá trị nào"));
        Assert.That(await host.WithDbAsync(db => db.Submissions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task TooManyValues_Are422_SayingTheLimit()
    {
        var many = Enumerable.Range(0, 1000).ToDictionary(i => $"x{i}", _ => "1");

        var response = await Put(unit, many);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("vượt giới hạn 300 giá trị"));
        Assert.That(await host.WithDbAsync(db => db.Submissions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Put_WithANullValue_IsRefusedAndPointsToPatch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Path)
        {
            Content = JsonContent.Create(new SubmissionChanges(new() { ["staffTrained"] = null })),
        };

        var response = await unit.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("staffTrained").And.Contain("PATCH"));
    }

    [Test]
    public async Task InvalidValue_IsRefusedWithTheIndicatorNamed()
    {
        var response = await Put(unit, new() { ["planIssuedOn"] = "31/02/2025" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("planIssuedOn"));
    }

    [Test]
    public async Task Evidence_AllowedTypeStoredWithHash_WrongTypeOrSizeRefused()
    {
        await Put(unit, new() { ["staffTrained"] = "12" });
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        var ok = await unit.PostAsync(Path + "/evidence", TestData.Upload(png, "minh-chung.png", "image/png"));
        var exe = await unit.PostAsync(Path + "/evidence", TestData.Upload([0x4D, 0x5A, 0, 0], "virus.exe", "application/octet-stream"));
        var fakePdf = await unit.PostAsync(Path + "/evidence", TestData.Upload("not a pdf"u8.ToArray(), "bao-cao.pdf", "application/pdf"));
        var large = new byte[4096];
        "%PDF"u8.CopyTo(large);
        var tooLarge = await unit.PostAsync(Path + "/evidence", TestData.Upload(large, "lon.pdf", "application/pdf"));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var evidence = (await ok.Content.ReadFromJsonAsync<EvidenceDto>())!;
        Assert.That(evidence.Sha256, Is.EqualTo(ContentHash.Of(png)));
        Assert.That(exe.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(fakePdf.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var download = await secretariat.GetAsync(Path + "/evidence/" + evidence.Id);
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
    }

    [Test]
    public async Task Evidence_Refused_WritesNoFileAndNoAuditEntry()
    {
        await Put(unit, new() { ["staffTrained"] = "12" });
        var large = new byte[4096];
        "%PDF"u8.CopyTo(large);

        var answers = new[]
        {
            await unit.PostAsync(Path + "/evidence", TestData.Upload([0x4D, 0x5A, 0, 0], "virus.exe", "application/octet-stream")),
            await unit.PostAsync(Path + "/evidence", TestData.Upload("not a pdf"u8.ToArray(), "bao-cao.pdf", "application/pdf")),
            await unit.PostAsync(Path + "/evidence", TestData.Upload(large, "lon.pdf", "application/pdf")),
        };

        Assert.That(answers.Select(a => a.StatusCode),
            Is.EqualTo(new[] { HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge }));
        Assert.That(await host.WithDbAsync(db => db.EvidenceFiles.CountAsync()), Is.Zero);
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "evidence.attach")), Is.Zero);
    }

    [Test]
    public async Task Evidence_OnceSubmitted_Is409_AfterReturnItIsAccepted()
    {
        await Put(unit, new() { ["staffTrained"] = "12" });
        await TestData.Ensure(await unit.PostAsync(Path + "/submit", null));
        var pdf = "%PDF-1.4 minh chứng"u8.ToArray();

        var submitted = await unit.PostAsync(Path + "/evidence", TestData.Upload(pdf, "minh-chung.pdf", "application/pdf"));
        var countWhileSubmitted = await host.WithDbAsync(db => db.EvidenceFiles.CountAsync());
        await TestData.Ensure(await secretariat.PostAsJsonAsync(Path + "/return", new ReviewComments("Thiếu minh chứng")));
        var returned = await unit.PostAsync(Path + "/evidence", TestData.Upload(pdf, "minh-chung.pdf", "application/pdf"));

        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await submitted.Content.ReadAsStringAsync(), Does.Contain("đã nộp"));
        Assert.That(countWhileSubmitted, Is.Zero);
        Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Workflow_SubmitReturnResubmitReviewLock()
    {
        var etag = (await Put(unit, new() { ["staffTrained"] = "12" })).Headers.ETag!.Tag;

        Assert.That((await unit.PostAsync(Path + "/submit", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Put(unit, new() { ["staffTrained"] = "1" }, ifMatch: "*")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a submitted file cannot be edited");
        Assert.That((await secretariat.PostAsJsonAsync(Path + "/return", new ReviewComments(""))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var returned = await secretariat.PostAsJsonAsync(Path + "/return", new ReviewComments("Bổ sung minh chứng số cán bộ đã đào tạo"));
        Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await returned.Content.ReadFromJsonAsync<SubmissionDto>())!.Comments, Is.EqualTo("Bổ sung minh chứng số cán bộ đã đào tạo"));
        Assert.That((await Put(unit, new() { ["staffTrained"] = "15" }, ifMatch: returned.Headers.ETag!.Tag)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await unit.PostAsync(Path + "/submit", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await unit.PostAsync(Path + "/review", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a unit cannot review itself");
        Assert.That((await secretariat.PostAsync(Path + "/lock", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "lock comes after review");
        Assert.That((await secretariat.PostAsync(Path + "/review", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var locked = await secretariat.PostAsync(Path + "/lock", null);

        Assert.That((await locked.Content.ReadFromJsonAsync<SubmissionDto>())!.Status, Is.EqualTo("locked"));
        Assert.That(etag, Is.Not.EqualTo(locked.Headers.ETag!.Tag));
        var actions = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Entity == "submission").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.That(actions, Is.EqualTo(new[]
        {
            "submission.create", "submission.submitted", "submission.returned", "submission.revise", "submission.submitted", "submission.reviewed", "submission.locked",
        }));
    }

    [TestCase(2025, 11, 10, 16, 59, false, TestName = "Lateness_23h59LocalOnDeadlineDay_IsOnTime")]
    [TestCase(2025, 11, 10, 17, 0, true, TestName = "Lateness_MidnightLocalAfterDeadline_IsLate")]
    public async Task Lateness_IsJudgedAgainstTheLocalDeadline(int y, int m, int d, int h, int min, bool late)
    {
        await Put(unit, new() { ["staffTrained"] = "12" });
        host.Clock.Now = Instant.FromUtc(y, m, d, h, min);

        var submitted = await (await unit.PostAsync(Path + "/submit", null)).Content.ReadFromJsonAsync<SubmissionDto>();

        Assert.That(submitted!.Late, Is.EqualTo(late));
        Assert.That(submitted.SubmittedAt, Is.EqualTo(NodaTime.Text.InstantPattern.ExtendedIso.Format(host.Clock.Now)));
    }

    [Test]
    public async Task AuthoritativeImport_StoresProvenance_BadColumnNamed()
    {
        var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);

        var bad = await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv("unit,dti,pas766\nxa-a,0.61,80\n", "dti.csv"));
        var good = await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv("unit,dti,dtiGovernment\nxa-a,0.61,0.7\nxa-b,0.55,\n", "dti-2025.csv"));

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("pas766"));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var batches = await maintainer.GetFromJsonAsync<List<ImportBatchDto>>("/api/tenants/son-la/imports");
        Assert.That(batches!.Single().FileName, Is.EqualTo("dti-2025.csv"));
        Assert.That(batches!.Single().Rows, Is.EqualTo(2));
        Assert.That(await host.WithDbAsync(db => db.AuthoritativeValues.CountAsync()), Is.EqualTo(3));
    }

    private Task<HttpResponseMessage> Put(HttpClient client, Dictionary<string, string> values, string? key = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = JsonContent.Create(new SubmissionValues(values)) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private Task<HttpResponseMessage> Patch(HttpClient client, Dictionary<string, string?> values, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, Path) { Content = JsonContent.Create(new SubmissionChanges(values)) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
