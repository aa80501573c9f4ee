
namespace Scoring.Host.Tests.Fixtures;

/// <summary>Maps <see cref="Backend"/> onto the host's provider.</summary>
internal static class BackendExtensions
{
    public static DatabaseProvider Provider(this Backend backend) => backend == Backend.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
