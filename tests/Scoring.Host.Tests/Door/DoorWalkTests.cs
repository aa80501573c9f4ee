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
using Scoring.Host.Tests.Auth;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// Issue 9: every endpoint the host serves (read from its <see cref="EndpointDataSource"/>, so a new one is walked
/// without being listed) gets FsCheck-generated requests that break its well-formed one (<see cref="GeneratedRequests"/>),
/// sent with an administrator's token to the real host on SQLite with the authorization matrix's data. No answer may be
/// a 5xx, and every 4xx must say in Vietnamese what is wrong: a problem detail for the API, a Vietnamese page for pages.
/// Seeded per endpoint, so a failure repeats; <c>SCORING_DOOR_CASES</c> raises the number of requests per endpoint.
/// </summary>
[NonParallelizable]
public sealed partial class DoorWalkTests
{
    private static readonly int CasesPerEndpoint =
        int.TryParse(Environment.GetEnvironmentVariable("SCORING_DOOR_CASES"), out var cases) && cases > 0 ? cases : 12;

    private MatrixWorld world = null!;

    [OneTimeSetUp]
    public async Task StartHost() => world = await MatrixWorld.StartAsync(Backend.Sqlite);

    [OneTimeTearDown]
    public void StopHost() => world.Dispose();

    [Test]
    public async Task EveryEndpoint_AnswersGeneratedRequests_WithoutA5xx_AndEvery4xxInVietnamese()
    {
        var endpoints = Endpoints();
        var failures = new List<string>();
        var sent = 0;
        using var admin = world.Client("administrator");
        admin.Timeout = TimeSpan.FromSeconds(60);

        foreach (var endpoint in endpoints)
        {
            var template = await TemplateAsync(endpoint.Method, endpoint.Route, endpoint.Parameters, endpoint.IsPage);
            var count = endpoint.IsPage ? Math.Max(2, CasesPerEndpoint / 3) : CasesPerEndpoint;
            foreach (var request in GeneratedRequests.For(template).Sample(20, new Rnd(Seed(template.Key)), count))
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
