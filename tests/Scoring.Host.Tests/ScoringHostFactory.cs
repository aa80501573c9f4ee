using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests;

/// <summary>
/// The real host in memory: a fresh data folder (SQLite) or a given PostgreSQL database, a known signing key, a test clock,
/// and optionally Redis. <see cref="ClientFor"/> gives an HttpClient carrying a token for a role.
/// </summary>
internal sealed class ScoringHostFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-for-scoring-host-tests-0123456789";

    private readonly string? postgres;
    private readonly string? redis;
    private readonly Action<IServiceCollection>? services;
    private readonly Dictionary<string, string?> settings;
    private readonly bool ownsDirectory;

    public ScoringHostFactory(string? postgres = null, string? redis = null, Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        this.postgres = postgres;
        this.redis = redis;
        this.services = services;
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("scoring-host-").FullName;
    }

    public string DataDirectory { get; }

    public TestClock Clock { get; } = new(Instant.FromUtc(2025, 10, 1, 3, 0));

    public HttpClient ClientFor(string role, string? tenant = null, string? unit = null, params string[] groups)
    {
        var client = CreateClient();
        if (role != Roles.Public)
        {
            var settings = new AuthSettings(AuthSettings.DefaultIssuer, AuthSettings.DefaultAudience, null, System.Text.Encoding.UTF8.GetBytes(SigningKey));
            var token = TokenIssuer.Mint(settings, $"{role}-{unit ?? tenant ?? "x"}", role, tenant, unit, groups, TimeSpan.FromHours(1));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<TResult> WithDbAsync<TResult>(Func<ScoringDbContext, Task<TResult>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ScoringDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Seed:Enabled", "false");
        if (postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }

        if (redis is not null)
        {
            builder.UseSetting("Redis:Configuration", redis);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<IClock>();
            s.AddSingleton<IClock>(Clock);
            services?.Invoke(s);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing background thread; the temp folder is cleaned by the OS.
            }
        }
    }
}
