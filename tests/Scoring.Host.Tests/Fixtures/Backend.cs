namespace Scoring.Host.Tests.Fixtures;

/// <summary>The database a parameterised fixture runs against.</summary>
public enum Backend
{
    Sqlite,
    Postgres,
}
