namespace Scoring.Host.Infrastructure;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
