using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Reviews;

/// <summary>
/// A phase review run by the service: enqueued for a tenant and phase, pinned to the published yearly runs with their
/// hashes, executed by the Hangfire job machinery, stored once however often it is asked for, equal byte for byte to the
/// `review` verb's JSON over the same samples, published atomically once, verified by computing it again, and immutable
/// once published (the database refuses a change).
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class ReviewRunTests(Backend backend)
{
    private ReviewSamples samples = null!;

    [SetUp]
    public void Prepare() => samples = new ReviewSamples();

    [TearDown]
    public void Remove() => samples.Dispose();

    [Test]
    public async Task AReview_IsPinnedToThePublishedRuns_EqualsTheCommandLine_PublishesOnce_AndVerifies()
    {
        using var host = Start();
        using var admin = host.ClientFor(Roles.Administrator);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, ReviewSamples.Tenant);
        using var anonymous = host.ClientFor(Roles.Public);
        var runs = await ReviewSamples.PublishYearsAsync(admin);

        var first = await maintainer.PostAsJsonAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new { phase = ReviewSamples.Phase });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var enqueued = (await first.Content.ReadFromJsonAsync<ReviewDto>())!;
        Assert.That((enqueued.From, enqueued.To), Is.EqualTo((2025, 2027)));
        Assert.That(enqueued.Runs.Select(r => r.RunId), Is.EquivalentTo(runs), "every published yearly run of the phase is pinned");
        Assert.That(enqueued.Runs, Has.All.Matches<ReviewYearRun>(r => r.RuleSetSha256.Length == 64 && r.InputsSha256.Length == 64 && r.ResultSha256.Length == 64));

        var review = await ReviewSamples.WaitForReviewAsync(maintainer, enqueued.Id);
        Assert.That(review.Status, Is.EqualTo("completed"), review.Error);
        var again = await maintainer.PostAsJsonAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new { phase = ReviewSamples.Phase });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same review is not stored twice");
        Assert.That((await again.Content.ReadFromJsonAsync<ReviewDto>())!.Id, Is.EqualTo(review.Id));

        var stored = await maintainer.GetStringAsync($"/api/reviews/{review.Id}/result");
        Assert.That(stored, Is.EqualTo(ReviewSamples.CommandLineReviewJson()), "the service's review is the command line's, byte for byte");
        Assert.That(review.ResultSha256, Is.EqualTo(ContentHash.Of(stored)));

        Assert.That((await anonymous.GetAsync($"/api/reviews/{review.Id}/result")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "unpublished");
        Assert.That((await anonymous.GetAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews/{ReviewSamples.Phase}/published")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await maintainer.PostAsync($"/api/reviews/{review.Id}/publish", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "administrators publish");

        var publish = await admin.PostAsync($"/api/reviews/{review.Id}/publish", null);
        Assert.That(publish.StatusCode, Is.EqualTo(HttpStatusCode.OK), await publish.Content.ReadAsStringAsync());
        Assert.That((await admin.PostAsync($"/api/reviews/{review.Id}/publish", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "published once");
        Assert.That(await anonymous.GetStringAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews/{ReviewSamples.Phase}/published"), Is.EqualTo(stored));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "review.publish")), Is.EqualTo(1));

        var verification = (await (await maintainer.PostAsync($"/api/reviews/{review.Id}/verify", null)).Content.ReadFromJsonAsync<ReviewVerificationDto>())!;
        Assert.That(verification.Identical, Is.True, verification.Difference);
        Assert.That(verification.ReplayedSha256, Is.EqualTo(review.ResultSha256));

        Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => host.WithDbAsync(db =>
            db.PhaseReviews.Where(r => r.Id == review.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultJson, "{}"))),
            "the database refuses to change a published review");
    }

    [Test]
    public async Task ConcurrentRequests_AndASecondExecution_StoreOneReviewAndOneResult()
    {
        using var host = Start();
        using var admin = host.ClientFor(Roles.Administrator);
        await ReviewSamples.PublishYearsAsync(admin);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            admin.PostAsJsonAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new { phase = ReviewSamples.Phase })));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<ReviewDto>())!.Id));
        Assert.That(ids.Distinct(), Has.Exactly(1).Items, "one review for the same tenant, phase and inputs");
        Assert.That(await host.WithDbAsync(db => db.PhaseReviews.CountAsync()), Is.EqualTo(1));
        var review = await ReviewSamples.WaitForReviewAsync(admin, ids[0]);
        Assert.That(review.Status, Is.EqualTo("completed"), review.Error);

        // Hangfire re-running the job (a host taken over) finds the review completed and writes nothing.
        await host.Service<ReviewExecutor>().ExecuteAsync(review.Id, CancellationToken.None);
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "review.complete")), Is.EqualTo(1));
        var after = (await admin.GetFromJsonAsync<ReviewDto>($"/api/reviews/{review.Id}"))!;
        Assert.That((after.ResultSha256, after.CompletedAt), Is.EqualTo((review.ResultSha256, review.CompletedAt)));
    }

    [Test]
    public async Task AReview_IsRefusedWithAReason_WhenThePhaseIsUnknownOrTheReviewYearIsNotPublished()
    {
        using var host = Start();
        using var admin = host.ClientFor(Roles.Administrator);
        await ReviewSamples.PublishYearsAsync(admin, 2025, 2026);

        var unknown = await admin.PostAsJsonAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new { phase = "2031-2035" });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("giai đoạn «2031-2035»").And.Contain("2025-2027"));

        var notPublished = await admin.PostAsJsonAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new { phase = ReviewSamples.Phase });
        Assert.That(notPublished.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await notPublished.Content.ReadAsStringAsync(), Does.Contain("Chưa có lượt chấm năm 2027"));

        var empty = await admin.PostAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new StringContent("{\"phase\":\"\"}", Encoding.UTF8, "application/json"));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("'phase'"));

        using var otherTenant = host.ClientFor(Roles.RuleMaintainer, "son-la");
        Assert.That((await otherTenant.PostAsJsonAsync($"/api/tenants/{ReviewSamples.Tenant}/reviews", new { phase = ReviewSamples.Phase })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await host.WithDbAsync(db => db.PhaseReviews.CountAsync()), Is.Zero, "nothing written");
    }

    private ScoringHostFactory Start()
    {
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        var host = new ScoringHostFactory(postgres, settings: samples.Settings);
        _ = host.Server;
        return host;
    }
}
