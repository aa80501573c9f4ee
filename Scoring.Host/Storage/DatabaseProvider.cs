namespace Scoring.Host.Storage;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
