using System.Net;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// Every endpoint the host serves × every role (<see cref="EndpointMatrix"/>): each pair is one case with its own request.
/// Two guards keep the matrix complete: an endpoint without a row fails, and so does a row whose endpoint is gone.
/// The whole matrix runs on SQLite and on PostgreSQL.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class AuthorizationMatrixTests(Backend backend)
{
    private MatrixWorld world = null!;

    public static IEnumerable<TestCaseData> Cases() =>
        EndpointMatrix.Rows.SelectMany(row => EndpointMatrix.Roles.Select((role, i) =>
            new TestCaseData(row.Method, row.Route, role, row.Expected[i]).SetName($"{row.Method} {row.Route} as {role} → {(int)row.Expected[i]}")))
        .Concat(EndpointMatrix.Rows.Where(row => AppraiserColumn.For(row) is not null).Select(row =>
            new TestCaseData(row.Method, row.Route, AppraiserColumn.Role, AppraiserColumn.For(row)!.Value)
                .SetName($"{row.Method} {row.Route} as {AppraiserColumn.Role} → {(int)AppraiserColumn.For(row)!.Value}")));

    [OneTimeSetUp]
    public async Task StartHost() => world = await MatrixWorld.StartAsync(backend);

    [OneTimeTearDown]
    public void StopHost() => world.Dispose();

    [Test]
    public void EveryEndpoint_HasAnExpectationRow()
    {
        var rows = EndpointMatrix.Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        var missing = world.Endpoints().Where(e => !rows.Contains(e)).ToList();

        Assert.That(missing, Is.Empty, "Endpoints without a row in EndpointMatrix (add one with each role's status): " + string.Join(" | ", missing));
    }

    [Test]
    public void EveryExpectationRow_NamesAnExistingEndpoint()
    {
        var endpoints = world.Endpoints().ToHashSet(StringComparer.Ordinal);

        var stale = EndpointMatrix.Rows.Select(r => r.Key).Where(k => !endpoints.Contains(k)).ToList();

        Assert.That(stale, Is.Empty, "Rows of EndpointMatrix whose endpoint the host no longer serves: " + string.Join(" | ", stale));
        Assert.That(EndpointMatrix.Rows.Select(r => r.Key), Is.Unique);
    }

    [Test]
    public void EveryRow_HasTheAppraisersStatus()
    {
        var missing = EndpointMatrix.Rows.Where(r => AppraiserColumn.For(r) is null).Select(r => r.Key).ToList();

        Assert.That(missing, Is.Empty, "Rows without the appraiser's status (add them to AppraiserColumn): " + string.Join(" | ", missing));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Endpoint_AnswersTheRole(string method, string route, string role, HttpStatusCode expected)
    {
        var row = EndpointMatrix.Rows.Single(r => r.Method == method && r.Route == route);
        var request = row.Arrange is null ? MatrixRequest.Default : await row.Arrange(world);
        using var client = world.Client(role);
        using var message = new HttpRequestMessage(new HttpMethod(method), world.Fill(route, request.Values) + request.Query) { Content = request.Body?.Invoke() };
        if (request.IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        }

        using var response = await client.SendAsync(message);

        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {message.RequestUri} as {role}: {await response.Content.ReadAsStringAsync()}");
    }
}
