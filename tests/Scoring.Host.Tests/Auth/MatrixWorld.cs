using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// The one host of the authorization matrix (on SQLite or on a fresh PostgreSQL database, the real engine) and the data every read case finds:
/// tenant son-la with cum-1 = {xa-a, xa-b} and cum-2 = {xa-c, xa-d} in 2025, 2026 and 2027; rule set 1.0.0 and 1.0.1;
/// xa-a's 2025 submission (submitted, one evidence file); a completed, unpublished run of 2025; a published run of 2026.
/// Write cases make their own resources through the helpers below (a fresh unit, a fresh year, a fresh run), so they
/// change nothing another case reads.
/// </summary>
internal sealed partial class MatrixWorld : IDisposable
{
    public const string OpenYear = "2025";
    public const string PublishedYear = "2026";
    public const int RunYear = 2027;

    private int counter;

    private MatrixWorld(ScoringHostFactory host) => Host = host;

    public ScoringHostFactory Host { get; }

    /// <summary>The completed, unpublished run of 2025 (every group).</summary>
    public long Run { get; private set; }

    /// <summary>The evidence file on xa-a's 2025 submission.</summary>
    public long Evidence { get; private set; }

    public static async Task<MatrixWorld> StartAsync(Backend backend)
    {
        var world = new MatrixWorld(new ScoringHostFactory(backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null));
        await world.SeedAsync();
        return world;
    }

    public void Dispose() => Host.Dispose();

    /// <summary>The client of a matrix role (see <see cref="EndpointMatrix.Roles"/>).</summary>
    public HttpClient Client(string role) => role switch
    {
        "administrator" => Host.ClientFor(Roles.Administrator),
        "maintainer" => Host.ClientFor(Roles.RuleMaintainer, TestData.Tenant),
        "maintainer-lai-chau" => Host.ClientFor(Roles.RuleMaintainer, "lai-chau"),
        "secretariat-cum-1" => Host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1"),
        "secretariat-cum-2" => Host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-2"),
        "unit-xa-a" => Host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a"),
        "unit-xa-c" => Host.ClientFor(Roles.Unit, TestData.Tenant, "xa-c"),
        AppraiserColumn.Role => Host.ClientFor(Roles.Appraiser, TestData.Tenant),
        // Not following redirects, so a page that sends a signed-out visitor to /dang-nhap reads 302, not the sign-in page's 200.
        "anonymous" => Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
        _ => throw new ArgumentException($"Unknown matrix role '{role}'.", nameof(role)),
    };

    /// <summary>Every (method, route) the host serves: API endpoints, health, OpenAPI and Razor pages (which answer GET).</summary>
    public IReadOnlyList<string> Endpoints()
    {
        var source = Host.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText ?? "")}"))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A route pattern as the matrix keys it: leading slash, no trailing slash.</summary>
    public static string Normalize(string raw) => "/" + raw.Trim('/');

    /// <summary>The route with every parameter filled: the request's values first, then the world's defaults.</summary>
    public string Fill(string route, IReadOnlyDictionary<string, string>? values) =>
        Parameter().Replace(route, m =>
        {
            var name = m.Groups["name"].Value;
            return values is not null && values.TryGetValue(name, out var value) ? Uri.EscapeDataString(value)
                : Defaults.TryGetValue(name, out var fallback) ? fallback
                : throw new InvalidOperationException($"No value for route parameter '{name}' of {route}: give one in the row's Arrange.");
        });

    public static Dictionary<string, string> Values(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal);

    public static MatrixRequest With(params (string Name, object Value)[] values) => new(Values(values));

    public int Next() => Interlocked.Increment(ref counter);

    /// <summary>A year no other case uses, with the two clusters imported when <paramref name="withGroups"/>.</summary>
    public async Task<int> FreshYearAsync(bool withGroups)
    {
        var year = 3000 + Next();
        if (withGroups)
        {
            await ImportGroupsAsync(year);
        }

        return year;
    }

    /// <summary>A new unit of son-la that nothing else refers to.</summary>
    public async Task<string> FreshUnitAsync()
    {
        var code = $"xa-moi-{Next()}";
        using var admin = Client("administrator");
        await TestData.Ensure(await admin.PostAsJsonAsync("/api/tenants/son-la/units", new UnitDto(code, $"Xã Mới {code}", "locality", null, null, null)));
        return code;
    }

    /// <summary>xa-a's submission of a fresh year, moved as far as <paramref name="status"/> (draft, submitted, reviewed).</summary>
    public async Task<int> FreshSubmissionAsync(string status)
    {
        var year = await FreshYearAsync(withGroups: true);
        using var unit = Client("unit-xa-a");
        using var admin = Client("administrator");
        var path = $"/api/tenants/son-la/submissions/{year}/xa-a";
        await TestData.Ensure(await unit.PutAsJsonAsync(path, new SubmissionValues(new() { ["staffTrained"] = "8", ["staffTotal"] = "10" })));
        if (status is "submitted" or "reviewed")
        {
            await TestData.Ensure(await unit.PostAsync(path + "/submit", null));
        }

        if (status == "reviewed")
        {
            await TestData.Ensure(await admin.PostAsync(path + "/review", null));
        }

        return year;
    }

    /// <summary>New authoritative DTI figures for every unit in <see cref="RunYear"/>: the next run of that year has new inputs.</summary>
    public async Task FreshRunInputsAsync()
    {
        var n = Next();
        var csv = new StringBuilder("unit,dti\n");
        foreach (var unit in new[] { "xa-a", "xa-b", "xa-c", "xa-d" })
        {
            csv.Append(CultureInfo.InvariantCulture, $"{unit},{0.1m + (n / 10000m):0.0000}\n");
        }

        using var maintainer = Client("maintainer");
        await TestData.Ensure(await maintainer.PostAsync($"/api/tenants/son-la/imports/dti/{RunYear}", TestData.Csv(csv.ToString(), "dti.csv")));
    }

    /// <summary>A completed, unpublished run of every group of <see cref="RunYear"/>, on inputs no other run has.</summary>
    public async Task<long> FreshCompletedRunAsync()
    {
        await FreshRunInputsAsync();
        using var maintainer = Client("maintainer");
        var response = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", RunRequest(RunYear));
        await TestData.Ensure(response);
        var run = await TestData.WaitForRunAsync(maintainer, (await response.Content.ReadFromJsonAsync<RunDto>())!.Id);
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
        return run.Id;
    }

    /// <summary>
    /// A phase review of son-la stored as the executor leaves it (completed; published when asked), on inputs no other
    /// review has: its result is a review with no groups, enough for the read, publish and report endpoints.
    /// </summary>
    public async Task<long> StoredReviewAsync(bool published)
    {
        var n = Next();
        var inputs = RunJson.Serialize(new ReviewInputs(TestData.Tenant, "2025-2027", 2025, 2027, [], [new ReviewUnit($"xa-{n}", "Xã", "locality", false, null)]));
        const string result = "{\"ruleSet\":{\"id\":\"son-la.x\",\"version\":\"1.0.0\",\"sha256\":\"0\"},\"phase\":\"2025-2027\",\"title\":\"Giai đoạn 1\","
            + "\"from\":2025,\"to\":2027,\"groups\":[],\"tenantRanking\":[],\"awards\":[],\"notes\":[]}\n";
        return await Host.WithDbAsync(async db =>
        {
            var review = new PhaseReviewRecord
            {
                TenantCode = TestData.Tenant, Phase = "2025-2027", FromYear = 2025, ToYear = 2027, InputsJson = inputs, InputsSha256 = ContentHash.Of(inputs),
                Status = RunStatus.Completed, ResultJson = result, ResultSha256 = ContentHash.Of(result), CreatedBy = "matrix",
                CreatedAt = Host.Clock.Now, CompletedAt = Host.Clock.Now, PublishedAt = published ? Host.Clock.Now : null,
            };
            db.PhaseReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });
    }

    public static RunRequest RunRequest(int year) => new(year, TestData.RuleSetId, "1.0.0", null);

    public static HttpContent Json<T>(T value) => JsonContent.Create(value);

    private Dictionary<string, string> Defaults => new(StringComparer.Ordinal)
    {
        ["tenant"] = TestData.Tenant, ["year"] = OpenYear, ["unit"] = "xa-a", ["group"] = "cum-1", ["source"] = "dti",
        ["version"] = "1.0.0", ["documentName"] = "v1", ["path"] = "khong-co-trang-nay",
    };

    [GeneratedRegex(@"\{\**(?<name>\w+)[^}]*\}")]
    private static partial Regex Parameter();

    private async Task ImportGroupsAsync(int year)
    {
        using var admin = Client("administrator");
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/son-la/groups/{year}/import", TestData.Csv(TestData.GroupsCsv, "groups.csv")));
    }

    private async Task SeedAsync()
    {
        await TestData.SeedAsync(Host);
        using var admin = Client("administrator");
        using var maintainer = Client("maintainer");
        var rounded = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson("1.0.1"));
        rounded["precision"] = 0;
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(rounded.ToString(), Encoding.UTF8, "application/json")));
        // Fresh years (3000 + n) need a rule set too: submitted values are checked against the rule sets of their year.
        var later = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson());
        later["id"] = TestData.RuleSetId + "-ma-tran";
        later["years"] = Newtonsoft.Json.Linq.JObject.Parse("""{ "from": 3000, "to": 3999 }""");
        later.Remove("tests");
        later.Remove("awards");
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(later.ToString(), Encoding.UTF8, "application/json")));
        await ImportGroupsAsync(2026);
        await ImportGroupsAsync(RunYear);
        foreach (var year in new[] { OpenYear, PublishedYear })
        {
            foreach (var (unit, trained) in new[] { ("xa-a", "40"), ("xa-c", "25") })
            {
                using var client = Client("unit-" + unit);
                var path = $"/api/tenants/son-la/submissions/{year}/{unit}";
                await TestData.Ensure(await client.PutAsJsonAsync(path, new SubmissionValues(new() { ["staffTrained"] = trained, ["staffTotal"] = "50", ["launchHeld"] = "true" })));
                if (year == OpenYear && unit == "xa-a")
                {
                    var evidence = await client.PostAsync(path + "/evidence", TestData.Upload("%PDF-1.4 ke hoach"u8.ToArray(), "ke-hoach.pdf", "application/pdf"));
                    await TestData.Ensure(evidence);
                    Evidence = (await evidence.Content.ReadFromJsonAsync<EvidenceDto>())!.Id;
                }

                await TestData.Ensure(await client.PostAsync(path + "/submit", null));
            }
        }

        Run = await CompletedRunAsync(maintainer, int.Parse(OpenYear, CultureInfo.InvariantCulture));
        var published = await CompletedRunAsync(maintainer, int.Parse(PublishedYear, CultureInfo.InvariantCulture));
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{published}/publish", null));
    }

    private static async Task<long> CompletedRunAsync(HttpClient maintainer, int year)
    {
        var response = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", RunRequest(year));
        await TestData.Ensure(response);
        var run = await TestData.WaitForRunAsync(maintainer, (await response.Content.ReadFromJsonAsync<RunDto>())!.Id);
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
        return run.Id;
    }
}
