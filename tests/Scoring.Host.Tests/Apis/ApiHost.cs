using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>Starts the host for an API fixture on SQLite or on a fresh PostgreSQL database, with the sum calculator.</summary>
internal static class ApiHost
{
    public static ScoringHostFactory Start(Backend backend, IDictionary<string, string?>? settings = null, SumCalculator? calculator = null)
    {
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        var host = new ScoringHostFactory(postgres, settings: settings, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(calculator ?? new SumCalculator());
        });
        _ = host.Server;
        return host;
    }
}
