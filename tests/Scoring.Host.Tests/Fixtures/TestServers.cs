namespace Scoring.Host.Tests.Fixtures;

/// <summary>Stops the shared PostgreSQL cluster once every test has run.</summary>
[SetUpFixture]
public sealed class TestServers
{
    [OneTimeTearDown]
    public void StopServers()
    {
        if (PostgresFixture.Started)
        {
            PostgresFixture.Instance.Dispose();
        }
    }
}
