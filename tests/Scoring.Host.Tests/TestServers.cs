using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests;

/// <summary>
/// Stops the shared PostgreSQL cluster once every test has run. It sits in the tests' root namespace because a setup
/// fixture only wraps the tests of its own namespace and below (in Fixtures, which holds no tests, it never ran).
/// </summary>
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
