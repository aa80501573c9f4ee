using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Auth;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// Issue 9: every endpoint the host serves (read from its <see cref="EndpointDataSource"/>, so a new one is walked
/// without being listed) gets FsCheck-generated requests that break its well-formed one (<see cref="GeneratedRequests"/>),
/// sent with an administrator's token, then with a unit's and a secretariat's, to the real host on SQLite and on
/// PostgreSQL with the authorization matrix's data; and every page's POST form, fetched signed in (a cookie) as a role that
/// uses it, posted back broken with the form's own antiforgery token (<see cref="GeneratedForms"/>). No answer may be
/// a 5xx, and every 4xx must say in Vietnamese what is wrong: a problem detail for the API, a Vietnamese page for pages.
/// Seeded per endpoint, so a failure repeats; <c>SCORING_DOOR_CASES</c> raises the number of requests per endpoint
/// (PostgreSQL walks a third as many, to keep the suite short).
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
[NonParallelizable]
public sealed partial class DoorWalkTests(Backend backend)
{
    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("SCORING_DOOR_CASES"), out var cases) && cases > 0 ? cases : 12;

    /// <summary>Page forms' walk accounts: signed in through /dang-nhap, never reset or disabled by the walk itself.</summary>
    private static readonly Dictionary<string, AccountScope> Accounts = new(StringComparer.Ordinal)
    {
        ["walk-quantri"] = new(Roles.Administrator, null, null, []),
        ["walk-canbo"] = new(Roles.RuleMaintainer, Fixtures.TestData.Tenant, null, []),
        ["walk-thuky"] = new(Roles.Secretariat, Fixtures.TestData.Tenant, null, ["cum-1"]),
        ["walk-donvi"] = new(Roles.Unit, Fixtures.TestData.Tenant, "xa-a", []),
    };

    private readonly Dictionary<string, FormSession> sessions = new(StringComparer.Ordinal);

    private MatrixWorld world = null!;

    private int CasesPerEndpoint => backend == Backend.Postgres ? Math.Max(2, Cases / 3) : Cases;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        world = await MatrixWorld.StartAsync(backend);
        foreach (var (user, scope) in Accounts)
        {
            await using var services = world.Host.Services.CreateAsyncScope();
            var created = await services.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync("walk", new NewAccount(user, user, scope, null, MustChangePassword: false), CancellationToken.None);
            Assert.That(created.Errors, Is.Empty);
            var session = new FormSession(world.Host);
            Assert.That((await session.SignInAsync(user, created.Password!)).Status, Is.EqualTo(HttpStatusCode.Redirect), user);
            sessions[user] = session;
        }

        sessions["anonymous"] = new FormSession(world.Host);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        world.Dispose();
    }

    [Test]
    public async Task EveryEndpoint_AnswersGeneratedRequests_WithoutA5xx_AndEvery4xxInVietnamese()
    {
        var endpoints = Endpoints();
        var failures = new List<string>();
        var sent = 0;
        using var admin = world.Client("administrator");
        admin.Timeout = TimeSpan.FromSeconds(60);

        // A page's POST without its form's token stops at antiforgery: pages' forms are walked signed in, below.
        foreach (var endpoint in endpoints.Where(e => !(e.IsPage && e.Method == "POST")))
        {
            var template = await TemplateAsync(endpoint.Method, endpoint.Route, endpoint.Parameters, endpoint.IsPage);
            var count = endpoint.IsPage ? Math.Max(2, CasesPerEndpoint / 3) : CasesPerEndpoint;
            foreach (var request in GeneratedRequests.For(template).Sample(count, new Rnd(Seed(template.Key)), 20))
            {
                sent++;
                if (await SendAsync(admin, template, request) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        TestContext.Out.WriteLine($"{sent} generated requests to {endpoints.Count} endpoints (method × route).");
        Assert.That(endpoints.Count(e => e.Route.StartsWith("/api/", StringComparison.Ordinal)), Is.GreaterThan(40), "the walk sees the whole API");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} generated requests were answered badly:\n" + string.Join("\n", failures.Take(25)));
    }

    [TestCase("unit-xa-a")]
    [TestCase("secretariat-cum-1")]
    public async Task EveryApiEndpoint_AnswersGeneratedRequestsOfAUnitOrASecretariat_WithoutA5xx(string role)
    {
        var endpoints = Endpoints().Where(e => !e.IsPage).ToList();
        var failures = new List<string>();
        var sent = 0;
        using var client = world.Client(role);
        client.Timeout = TimeSpan.FromSeconds(60);
        foreach (var endpoint in endpoints)
        {
            var template = await TemplateAsync(endpoint.Method, endpoint.Route, endpoint.Parameters, isPage: false);
            foreach (var request in GeneratedRequests.For(template).Sample(Math.Max(2, CasesPerEndpoint / 3), new Rnd(Seed(role + template.Key)), 20))
            {
                sent++;
                if (await SendAsync(client, template, request) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        TestContext.Out.WriteLine($"{sent} generated requests as {role} to {endpoints.Count} endpoints.");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} generated requests were answered badly:\n" + string.Join("\n", failures.Take(25)));
    }

    [Test]
    public async Task EveryPageForm_PostedBrokenWithItsToken_AnswersWithoutA5xx_AndEvery4xxInVietnamese()
    {
        var failures = new List<string>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var endpoint in Endpoints().Where(e => e.IsPage && e.Method == "GET"))
        {
            var (user, values) = await PageOwnerAsync(endpoint.Route);
            string page;
            try
            {
                page = world.Fill(endpoint.Route, values);
            }
            catch (InvalidOperationException)
            {
                continue;
            }

            var session = sessions[user];
            var (_, html, _) = await session.GetAsync(page);
            foreach (var form in PageForm.Read(html, page))
            {
                // The layout's sign-out form would end the session; the accounts page's forms would reset or disable a walk account.
                if ((form.Action == "/dang-xuat" && user != "anonymous") || form.Fields.Any(f => f.Value.StartsWith("walk-", StringComparison.Ordinal))
                    || !walked.Add($"{user} {form.Action.Split('?')[0].Replace(page, endpoint.Route, StringComparison.Ordinal)}?{form.Action.Split('?').ElementAtOrDefault(1)} {form.Describe()}"))
                {
                    continue;
                }

                foreach (var (label, content) in GeneratedForms.For(form).Sample(Math.Max(4, CasesPerEndpoint), new Rnd(Seed(form.Describe())), 20))
                {
                    sent++;
                    var where = $"POST {form.Action} as {user} [{label}]";
                    try
                    {
                        using var response = await session.Client.PostAsync(form.Action, content);
                        var text = await response.Content.ReadAsStringAsync();
                        if (Judge(response, text, isPage: true) is { } wrong)
                        {
                            failures.Add($"{where} → {(int)response.StatusCode}: {wrong}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
                    {
                        failures.Add($"{where} → no answer: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{sent} generated form posts to {walked.Count} forms.");
        Assert.That(walked, Has.Count.GreaterThan(15), "the walk finds the workspaces', console's and workbench's forms");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} generated form posts were answered badly:\n" + string.Join("\n", failures.Take(25)));
    }

    /// <summary>Who walks a page's forms (signed in as the role that uses it), and its route values (the matrix row's).</summary>
    private async Task<(string User, IReadOnlyDictionary<string, string> Values)> PageOwnerAsync(string route)
    {
        var row = EndpointMatrix.Rows.FirstOrDefault(r => r.Method == "GET" && r.Route == route);
        var values = new Dictionary<string, string>(row?.Arrange is null ? new Dictionary<string, string>() : (await row.Arrange(world)).Values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var user = route switch
        {
            _ when route.StartsWith("/don-vi", StringComparison.Ordinal) => "walk-donvi",
            _ when route.StartsWith("/thu-ky", StringComparison.Ordinal) => "walk-thuky",
            _ when route.StartsWith("/quy-tac", StringComparison.Ordinal) => "walk-canbo",
            _ when route.StartsWith("/quan-tri", StringComparison.Ordinal) => "walk-quantri",
            "/doi-mat-khau" or "/lam-viec" => "walk-donvi",
            _ => "anonymous",
        };
        if (route.StartsWith("/don-vi", StringComparison.Ordinal))
        {
            values["year"] = MatrixWorld.RunYear.ToString(System.Globalization.CultureInfo.InvariantCulture); // a year xa-a has not submitted: its forms are open
        }

        return (user, values);
    }

    /// <summary>Every (method, route) the host serves; a page takes GET and POST (its handlers), each walked.</summary>
    private List<(string Method, string Route, IReadOnlyList<string> Parameters, bool IsPage)> Endpoints() =>
        world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var isPage = e.Metadata.OfType<PageActionDescriptor>().Any();
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared
                    : isPage ? ["GET", "POST"] : ["GET"];
                IReadOnlyList<string> parameters = [.. e.RoutePattern.Parameters.Select(p => p.Name)];
                return methods.Select(m => (Method: m, Route: MatrixWorld.Normalize(e.RoutePattern.RawText ?? string.Empty), Parameters: parameters, IsPage: isPage));
            })
            .DistinctBy(e => $"{e.Method} {e.Route}").OrderBy(e => $"{e.Method} {e.Route}", StringComparer.Ordinal).ToList();

    /// <summary>The well-formed request of the authorization matrix's row for the endpoint (its own fresh resources), or the world's defaults.</summary>
    private async Task<WalkTemplate> TemplateAsync(string method, string route, IReadOnlyList<string> parameters, bool isPage)
    {
        var row = EndpointMatrix.Rows.FirstOrDefault(r => r.Method == method && r.Route == route);
        var request = row?.Arrange is null ? MatrixRequest.Default : await row.Arrange(world);
        var body = request.Body?.Invoke() switch
        {
            null => WalkBody.None,
            MultipartFormDataContent form when form.FirstOrDefault() is { } part => new WalkBody(WalkBodyKind.Upload,
                FileName: part.Headers.ContentDisposition?.FileName?.Trim('"') ?? "tep.csv", File: await part.ReadAsByteArrayAsync()),
            var content => new WalkBody(WalkBodyKind.Json, Json: await content.ReadAsStringAsync()),
        };
        return new WalkTemplate(method, route, parameters, request.Values ?? new Dictionary<string, string>(), request.Query, body, request.IfMatch, isPage);
    }

    /// <summary>Sends one request; the failure to report, or null when the answer is acceptable.</summary>
    private async Task<string?> SendAsync(HttpClient client, WalkTemplate template, GeneratedRequest request)
    {
        string uri;
        try
        {
            uri = world.Fill(template.Route, request.Values) + request.Query;
        }
        catch (InvalidOperationException)
        {
            return null; // A route parameter the world has no value for: the authorization matrix reports the missing row.
        }

        using var message = new HttpRequestMessage(new HttpMethod(template.Method), uri) { Content = request.Content() };
        if (template.IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", template.IfMatch);
        }

        string where = $"{template.Method} {uri} [{request.Label}]";
        try
        {
            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            return Judge(response, text, template.IsPage) is { } wrong ? $"{where} → {(int)response.StatusCode}: {wrong}; nội dung gửi: {request.Preview()}" : null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
        {
            return $"{where} → no answer: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>What is wrong with an answer: a 5xx, or a 4xx that does not say in Vietnamese what is wrong.</summary>
    private static string? Judge(HttpResponseMessage response, string text, bool isPage)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "server error: " + text[..Math.Min(text.Length, 400)];
        }

        if (status < 400)
        {
            return null;
        }

        var media = response.Content.Headers.ContentType?.MediaType;
        if (media == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(text);
            var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(detail) ? "problem without title or detail: " + text
                : !Vietnamese().IsMatch(detail) || !Vietnamese().IsMatch(title) ? "problem not in Vietnamese: " + text
                : null;
        }

        return isPage && media == "text/html" && Vietnamese().IsMatch(text) ? null
            : $"a 4xx without a Vietnamese problem detail (Content-Type {media ?? "none"}): {text[..Math.Min(text.Length, 300)]}";
    }

    /// <summary>A stable seed per endpoint (string.GetHashCode changes between processes).</summary>
    private static ulong Seed(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    [GeneratedRegex("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();
}
