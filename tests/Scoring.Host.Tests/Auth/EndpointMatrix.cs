using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// The expected status of every endpoint for every role. Columns, in order: administrator, rule maintainer of son-la,
/// rule maintainer of lai-chau, secretariat of cum-1, secretariat of cum-2, unit xa-a (in cum-1), unit xa-c (in cum-2),
/// anonymous. Reads use the world's 2025 data (run and submission unpublished) or its published 2026 run; writes make
/// their own resource in <see cref="EndpointExpectation.Arrange"/>. A new endpoint needs a row here, or the matrix fails.
/// </summary>
internal static class EndpointMatrix
{
    public static readonly string[] Roles =
        ["administrator", "maintainer", "maintainer-lai-chau", "secretariat-cum-1", "secretariat-cum-2", "unit-xa-a", "unit-xa-c", "anonymous"];

    private const string Tenant = "/api/tenants/{tenant}";
    private const string Submission = Tenant + "/submissions/{year:int}/{unit}";

    public static readonly EndpointExpectation[] Rows =
    [
        // Infrastructure and public pages: anyone.
        Row("GET", "/health", Everyone(200)),
        Row("GET", "/ready", Everyone(200)),
        Row("GET", "/openapi/{documentName:regex(^v1$)}.json", Everyone(200)),
        // Operators' metrics: administrators, or a caller inside Metrics:AllowedNetworks (the in-memory test client has no
        // address, so it is inside no network): everyone else 403, never a sign-in challenge.
        Row("GET", "/metrics", S(200, 403, 403, 403, 403, 403, 403, 403)),
        Row("GET", "/", Everyone(200)),
        Row("GET", "/tim-kiem", Everyone(200)),
        Row("GET", "/bo-tieu-chi", Everyone(200)),
        Row("GET", "/bo-tieu-chi/{id}/{version}", Everyone(200), w => Task.FromResult(MatrixWorld.With(("id", TestData.RuleSetId)))),
        Row("GET", "/ket-qua/{tenant}/{year:int}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("year", MatrixWorld.PublishedYear)))),
        Row("GET", "/ket-qua/{tenant}/{year:int}/{unit}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("year", MatrixWorld.PublishedYear)))),
        Row("GET", "/{**path:regex(^(?!(api|openapi|health|ready|css|js)(/|$)).+$)}", Everyone(404)),

        // Sign-in pages: anyone opens the sign-in, sign-out and 403 pages; the others need an account (or a token), and a
        // signed-out visitor is sent to the sign-in page (302; the anonymous client does not follow redirects).
        Row("GET", "/dang-nhap", Everyone(200)),
        Row("GET", "/dang-xuat", Everyone(200)),
        Row("GET", "/khong-co-quyen", Everyone(403)),
        Row("GET", "/doi-mat-khau", S(200, 200, 200, 200, 200, 200, 200, 302)),
        Row("GET", "/lam-viec", S(200, 200, 200, 200, 200, 200, 200, 302)),
        // The unit's report page (xa-a, in cum-1): as the submission API's read rule; others get the 403 page.
        Row("GET", "/don-vi/{tenant}/{unit}/{year:int?}", S(200, 200, 403, 200, 403, 200, 403, 302)),
        // The secretariat's workspace (cum-1, 2025): its own secretariat and administrators; everyone else the 403 page.
        Row("GET", "/thu-ky", S(403, 403, 403, 200, 200, 403, 403, 302)),
        Row("GET", "/thu-ky/{tenant}/{year:int}/{group}", S(200, 403, 403, 200, 403, 403, 403, 302)),
        Row("GET", "/thu-ky/{tenant}/{year:int}/{group}/don-vi/{unit}", S(200, 403, 403, 200, 403, 403, 403, 302)),
        Row("GET", "/thu-ky/luot-cham/{id:long}/{group}", S(200, 403, 403, 200, 403, 403, 403, 302), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        Row("GET", "/thu-ky/luot-cham/{id:long}/{group}/in", S(200, 403, 403, 200, 403, 403, 403, 302), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),

        // The administrators' console: administrators only; every other role gets the Vietnamese 403 page.
        Row("GET", "/quan-tri", AdministratorPage()),
        Row("GET", "/quan-tri/tai-khoan", AdministratorPage()),
        Row("GET", "/quan-tri/tai-khoan/tao-moi", AdministratorPage()),
        Row("GET", "/quan-tri/tai-khoan/hang-loat", AdministratorPage()),
        Row("GET", "/quan-tri/nhap-du-lieu", AdministratorPage()),
        Row("GET", "/quan-tri/luot-cham", AdministratorPage()),
        Row("GET", "/quan-tri/luot-cham/{id:long}", AdministratorPage(), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        Row("GET", "/quan-tri/luot-cham/{id:long}/cong-bo", AdministratorPage(), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        Row("GET", "/quan-tri/nhat-ky", AdministratorPage()),
        Row("GET", "/quan-tri/tinh/{tenant}", AdministratorPage()),
        Row("GET", "/quan-tri/tinh/{tenant}/don-vi/{code}", AdministratorPage(), _ => Task.FromResult(MatrixWorld.With(("code", "xa-a")))),
        Row("GET", "/quan-tri/tinh/{tenant}/phong-trao/{code}", AdministratorPage(), _ => Task.FromResult(MatrixWorld.With(("code", "dmst-cds-2025-2030")))),
        Row("GET", "/quan-tri/tinh-moi", AdministratorPage()),
        Row("GET", "/quan-tri/tinh/{tenant}/phong-trao-moi", AdministratorPage()),
        Row("GET", "/quan-tri/tinh/{tenant}/cum-khoi/{year:int?}/{code?}", AdministratorPage(), _ => Task.FromResult(MatrixWorld.With(("code", "cum-1")))),

        // The rule maintainers' workbench: maintainers (of the rule set's tenant for one rule set's pages) and administrators;
        // secretariats and units get the 403 page. Draft pages open a draft made for the case.
        Row("GET", "/quy-tac", S(200, 200, 200, 403, 403, 403, 403, 302)),
        Row("GET", "/quy-tac/{id}/{version}/phien-ban-moi", MaintainerPage(), _ => Task.FromResult(MatrixWorld.With(("id", TestData.RuleSetId), ("version", "1.0.0")))),
        Row("GET", "/quy-tac/{id}/so-sanh", MaintainerPage(), _ => Task.FromResult(MatrixWorld.With(("id", TestData.RuleSetId)))),
        Row("GET", "/quy-tac/nhap/{id}/{version}", MaintainerPage(), Draft),
        Row("GET", "/quy-tac/nhap/{id}/{version}/json", MaintainerPage(), Draft),
        Row("GET", "/quy-tac/nhap/{id}/{version}/cham-thu", MaintainerPage(), Draft),
        Row("GET", "/quy-tac/nhap-tu-tep", S(200, 200, 200, 403, 403, 403, 403, 302)),
        Row("GET", "/quy-tac/{id}/{version}/excel", MaintainerPage(), _ => Task.FromResult(MatrixWorld.With(("id", TestData.RuleSetId), ("version", "1.0.0")))),

        // Tenants: anyone reads; administrators write (the seeded tenant again, unchanged).
        Row("GET", "/api/tenants", Everyone(200)),
        Row("PUT", Tenant, AdministratorOnly(200), _ => Task.FromResult(new MatrixRequest(Body: () => MatrixWorld.Json(new TenantDto(TestData.Tenant, "Tỉnh Sơn La",
            [new MovementDto("dmst-cds-2025-2030", "Sơn La thi đua đổi mới sáng tạo và chuyển đổi số", "QĐ 1470/QĐ-UBND", "11-10")]))))),

        // Units: anyone reads; administrators write, each write on its own new unit.
        Row("GET", Tenant + "/units", Everyone(200)),
        Row("GET", Tenant + "/units/{code}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("code", "xa-a")))),
        Row("POST", Tenant + "/units", AdministratorOnly(201), w => Task.FromResult(new MatrixRequest(Body: () =>
            MatrixWorld.Json(new UnitDto($"xa-tao-{w.Next()}", "Xã Tạo Mới", "locality", null, null, null))))),
        Row("PUT", Tenant + "/units/{code}", AdministratorOnly(200), async w =>
        {
            var code = await w.FreshUnitAsync();
            return new MatrixRequest(MatrixWorld.Values(("code", code)), () => MatrixWorld.Json(new UnitDto(code, "Xã Đổi Tên", "locality", null, null, null)));
        }),
        Row("DELETE", Tenant + "/units/{code}", AdministratorOnly(204), async w => MatrixWorld.With(("code", await w.FreshUnitAsync()))),
        Row("POST", Tenant + "/units/import", AdministratorOnly(200), w => Task.FromResult(new MatrixRequest(Body: () =>
            TestData.Csv($"code,name,kind,validFrom,validTo,successor\nxa-nhap-{w.Next()},Xã Nhập,locality,2025-07-01,,\n", "units.csv")))),

        // Groups: anyone reads; administrators write, each write in its own year.
        Row("GET", Tenant + "/groups/{year:int}", Everyone(200)),
        Row("GET", Tenant + "/groups/{year:int}/{code}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("code", "cum-1")))),
        Row("PUT", Tenant + "/groups/{year:int}/{code}", AdministratorOnly(201), async w =>
        {
            var year = await w.FreshYearAsync(withGroups: false);
            return new MatrixRequest(MatrixWorld.Values(("year", year), ("code", "cum-9")),
                () => MatrixWorld.Json(new GroupDto("cum-9", "Cụm 9", "cluster", year, [new GroupMemberDto("xa-a", "head")])));
        }),
        Row("DELETE", Tenant + "/groups/{year:int}/{code}", AdministratorOnly(204), async w =>
            MatrixWorld.With(("year", await w.FreshYearAsync(withGroups: true)), ("code", "cum-1"))),
        Row("POST", Tenant + "/groups/{year:int}/import", AdministratorOnly(200), async w => new MatrixRequest(
            MatrixWorld.Values(("year", await w.FreshYearAsync(withGroups: false))), () => TestData.Csv(TestData.GroupsCsv, "groups.csv"))),

        // Rule sets: anyone reads; maintainers validate (any tenant's file) and publish their tenant's, each a new version;
        // the diff is staff's, and its rank impact on son-la's data is son-la's staff only.
        Row("GET", "/api/rule-sets", Everyone(200)),
        Row("GET", "/api/rule-sets/{id}/{version}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("id", TestData.RuleSetId)))),
        Row("POST", "/api/rule-sets/validate", S(200, 200, 200, 403, 403, 403, 403, 401), _ => Task.FromResult(new MatrixRequest(Body: () => RuleSet("1.0.0")))),
        Row("POST", "/api/rule-sets", S(201, 201, 403, 403, 403, 403, 403, 401), w => Task.FromResult(new MatrixRequest(Body: () => RuleSet($"9.{w.Next()}.0")))),
        Row("GET", "/api/rule-sets/{id}/diff", S(200, 200, 403, 200, 200, 403, 403, 401), _ => Task.FromResult(new MatrixRequest(
            MatrixWorld.Values(("id", TestData.RuleSetId)), Query: "?from=1.0.0&to=1.0.1&tenant=son-la&year=2025"))),
        // Rank sensitivity of a published version or a draft on son-la's stored 2025: son-la's maintainers and administrators.
        Row("GET", "/api/rule-sets/{id}/{version}/sensitivity", S(200, 200, 403, 403, 403, 403, 403, 401), _ => Task.FromResult(new MatrixRequest(
            MatrixWorld.Values(("id", TestData.RuleSetId), ("version", "1.0.0")), Query: "?tenant=son-la&year=2025&samples=20"))),
        Row("GET", "/api/rule-sets/{id}/drafts/{version}/sensitivity", S(200, 200, 403, 403, 403, 403, 403, 401), async w =>
            await Draft(w) with { Query = "?year=2025&samples=20" }),

        // xa-a's submission: it, its cluster's secretariat, son-la's maintainer and administrators read it.
        Row("GET", Submission, S(200, 200, 403, 200, 403, 200, 403, 401)),
        Row("GET", Submission + "/revisions", S(200, 200, 403, 200, 403, 200, 403, 401)),
        Row("GET", Submission + "/evidence/{id:long}", S(200, 200, 403, 200, 403, 200, 403, 401), w => Task.FromResult(MatrixWorld.With(("id", w.Evidence)))),

        // Only the unit itself (or an administrator) writes, attaches and submits: each on a new year's file.
        Row("PUT", Submission, S(201, 403, 403, 403, 403, 201, 403, 401), async w => new MatrixRequest(
            MatrixWorld.Values(("year", await w.FreshYearAsync(withGroups: true))),
            () => MatrixWorld.Json(new SubmissionValues(new() { ["staffTrained"] = "6" })))),
        Row("PATCH", Submission, S(200, 403, 403, 403, 403, 200, 403, 401), async w => new MatrixRequest(
            MatrixWorld.Values(("year", await w.FreshSubmissionAsync("draft"))),
            () => MatrixWorld.Json(new SubmissionChanges(new() { ["staffTrained"] = "9" })), IfMatch: "*")),
        Row("POST", Submission + "/evidence", S(201, 403, 403, 403, 403, 201, 403, 401), async w => new MatrixRequest(
            MatrixWorld.Values(("year", await w.FreshSubmissionAsync("draft"))),
            () => TestData.Upload("%PDF-1.4"u8.ToArray(), "minh-chung.pdf", "application/pdf"))),
        Row("POST", Submission + "/submit", S(200, 403, 403, 403, 403, 200, 403, 401), async w =>
            MatrixWorld.With(("year", await w.FreshSubmissionAsync("draft")))),

        // Only the secretariat of its cluster that year (or an administrator) reviews, returns and locks.
        Row("POST", Submission + "/review", S(200, 403, 403, 200, 403, 403, 403, 401), async w =>
            MatrixWorld.With(("year", await w.FreshSubmissionAsync("submitted")))),
        Row("POST", Submission + "/return", S(200, 403, 403, 200, 403, 403, 403, 401), async w => new MatrixRequest(
            MatrixWorld.Values(("year", await w.FreshSubmissionAsync("submitted"))), () => MatrixWorld.Json(new ReviewComments("Bổ sung minh chứng")))),
        Row("POST", Submission + "/lock", S(200, 403, 403, 200, 403, 403, 403, 401), async w =>
            MatrixWorld.With(("year", await w.FreshSubmissionAsync("reviewed")))),

        // Authoritative figures: son-la's maintainers import (each into its own year); son-la's staff list the batches.
        Row("POST", Tenant + "/imports/{source}/{year:int}", S(201, 201, 403, 403, 403, 403, 403, 401), async w => new MatrixRequest(
            MatrixWorld.Values(("year", await w.FreshYearAsync(withGroups: false))), () => TestData.Csv("unit,dti\nxa-a,0.75\n", "dti.csv"))),
        Row("GET", Tenant + "/imports", S(200, 200, 403, 200, 200, 403, 403, 401)),

        // Runs: son-la's staff enqueue (a secretariat its own clusters), each on new inputs; staff list; the tenant reads a
        // run's status, a secretariat when the run covers its clusters.
        Row("POST", Tenant + "/runs", S(201, 201, 403, 201, 201, 403, 403, 401), async w =>
        {
            await w.FreshRunInputsAsync();
            return new MatrixRequest(Body: () => MatrixWorld.Json(MatrixWorld.RunRequest(MatrixWorld.RunYear)));
        }),
        Row("GET", Tenant + "/runs", S(200, 200, 403, 200, 200, 403, 403, 401)),
        Row("GET", "/api/runs/{id:long}", S(200, 200, 403, 200, 200, 200, 200, 401), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),

        // The unpublished 2025 run: a unit sees its own card, a secretariat its cluster, awards and workbook filtered to it.
        Row("GET", "/api/runs/{id:long}/groups/{group}", S(200, 200, 403, 200, 403, 403, 403, 403), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        Row("GET", "/api/runs/{id:long}/units/{unit}", S(200, 200, 403, 200, 403, 200, 403, 403), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        Row("GET", "/api/runs/{id:long}/awards", S(200, 200, 403, 200, 200, 403, 403, 403), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        Row("GET", "/api/runs/{id:long}/export.xlsx", S(200, 200, 403, 200, 200, 403, 403, 403), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),

        // Administrators alone publish, each a run of its own.
        Row("POST", "/api/runs/{id:long}/publish", AdministratorOnly(200), async w => MatrixWorld.With(("id", await w.FreshCompletedRunAsync()))),
        Row("POST", "/api/runs/{id:long}/verify", S(200, 200, 403, 200, 200, 403, 403, 401), w => Task.FromResult(MatrixWorld.With(("id", w.Run)))),
        // Rank sensitivity of the 2025 run (every cluster): staff who read the run; a secretariat sees its own clusters only.
        Row("GET", "/api/runs/{id:long}/sensitivity", S(200, 200, 403, 200, 200, 403, 403, 401), w => Task.FromResult(new MatrixRequest(
            MatrixWorld.Values(("id", w.Run)), Query: "?samples=20"))),

        // Published results: anyone.
        Row("GET", Tenant + "/results/{year:int}/groups/{group}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("year", MatrixWorld.PublishedYear)))),
        Row("GET", Tenant + "/results/{year:int}/units/{unit}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("year", MatrixWorld.PublishedYear)))),

        // Phase reviews: son-la's maintainers and administrators enqueue (the matrix tenant's rule set declares no phase: 422,
        // after the authorization); before publication only they read a review; administrators alone publish; anyone reads a
        // published review.
        Row("POST", Tenant + "/reviews", S(422, 422, 403, 403, 403, 403, 403, 401), _ => Task.FromResult(new MatrixRequest(Body: () => MatrixWorld.Json(new ReviewRequest("2025-2027"))))),
        Row("GET", Tenant + "/reviews", Everyone(200)),
        Row("GET", Tenant + "/reviews/{phase}/published", Everyone(200), async w =>
        {
            await w.StoredReviewAsync(published: true);
            return MatrixWorld.With(("phase", "2025-2027"));
        }),
        Row("GET", "/api/reviews/{id:long}", S(200, 200, 403, 403, 403, 403, 403, 403), async w => MatrixWorld.With(("id", await w.StoredReviewAsync(published: false)))),
        Row("GET", "/api/reviews/{id:long}/result", S(200, 200, 403, 403, 403, 403, 403, 403), async w => MatrixWorld.With(("id", await w.StoredReviewAsync(published: false)))),
        Row("GET", "/api/reviews/{id:long}/report.xlsx", S(200, 200, 403, 403, 403, 403, 403, 403), async w => MatrixWorld.With(("id", await w.StoredReviewAsync(published: false)))),
        Row("POST", "/api/reviews/{id:long}/publish", AdministratorOnly(200), async w => MatrixWorld.With(("id", await w.StoredReviewAsync(published: false)))),
        Row("POST", "/api/reviews/{id:long}/verify", S(200, 200, 403, 403, 403, 403, 403, 401), async w => MatrixWorld.With(("id", await w.StoredReviewAsync(published: false)))),

        // Published award proposals, grouped by the authority that decides them: anyone.
        Row("GET", Tenant + "/award-proposals/{year:int}", Everyone(200), _ => Task.FromResult(MatrixWorld.With(("year", MatrixWorld.PublishedYear)))),
    ];

    private static EndpointExpectation Row(string method, string route, HttpStatusCode[] expected, Func<MatrixWorld, Task<MatrixRequest>>? arrange = null) =>
        new(method, route, expected, arrange);

    private static HttpStatusCode[] S(params int[] statuses) =>
        statuses.Length == Roles.Length ? [.. statuses.Select(s => (HttpStatusCode)s)] : throw new ArgumentException($"A row needs {Roles.Length} statuses.", nameof(statuses));

    private static HttpStatusCode[] Everyone(int status) => S(Enumerable.Repeat(status, Roles.Length).ToArray());

    /// <summary>A console page: the administrator reads it, other roles get the 403 page, a signed-out visitor is sent to sign in.</summary>
    private static HttpStatusCode[] AdministratorPage() => S(200, 403, 403, 403, 403, 403, 403, 302);

    /// <summary>A page of one son-la rule set: its tenant's maintainer and administrators; the 403 page for others; sign in when signed out.</summary>
    private static HttpStatusCode[] MaintainerPage() => S(200, 200, 403, 403, 403, 403, 403, 302);

    /// <summary>A new draft of the seeded rule set, for one case of a draft page.</summary>
    private static async Task<MatrixRequest> Draft(MatrixWorld w)
    {
        var version = $"5.{w.Next()}.0";
        await using var scope = w.Host.Services.CreateAsyncScope();
        var maintainer = new Actor("matrix", global::Scoring.Host.Auth.Roles.RuleMaintainer, TestData.Tenant, null, new HashSet<string>());
        var created = await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().CreateFromAsync(TestData.RuleSetId, "1.0.0", version, maintainer, CancellationToken.None);
        Assert.That(created.Problem, Is.Null);
        return MatrixWorld.With(("id", TestData.RuleSetId), ("version", version));
    }

    private static HttpStatusCode[] AdministratorOnly(int status) => S(status, 403, 403, 403, 403, 403, 403, 401);

    private static StringContent RuleSet(string version) => new(TestData.RuleSetJson(version), Encoding.UTF8, "application/json");
}
