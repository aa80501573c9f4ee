using Scoring.Host.Infrastructure;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>The database a parameterised fixture runs against.</summary>
public enum Backend
{
    Sqlite,
    Postgres,
}

/// <summary>Maps <see cref="Backend"/> onto the host's provider.</summary>
internal static class BackendExtensions
{
    public static DatabaseProvider Provider(this Backend backend) => backend == Backend.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
