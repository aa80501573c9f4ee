using System.Net;
using System.Text.Json;
using Npgsql;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// What a load balancer sees when the database goes away under a running host: <c>/health</c> (the process) stays 200,
/// <c>/ready</c> turns 503 with a Vietnamese reason, so traffic moves to hosts that can answer.
/// </summary>
public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_Is503_OnceThePostgresDatabaseIsGone_WhileHealthStays200()
    {
        var connectionString = PostgresFixture.Instance.CreateDatabase();
        using var host = new ScoringHostFactory(connectionString);
        using var client = host.CreateClient();
        var before = await client.GetAsync("/ready");

        await using (var admin = new NpgsqlConnection(PostgresFixture.Instance.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }

        var after = await client.GetAsync("/ready");
        var health = await client.GetAsync("/health");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(after.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(),
            Is.EqualTo("Không kết nối được cơ sở dữ liệu."));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
