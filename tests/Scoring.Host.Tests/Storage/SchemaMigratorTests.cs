using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Storage;

[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class SchemaMigratorTests(Backend backend)
{
    private readonly DatabaseProvider provider = backend.Provider();
    private StorageTarget target = null!;
    private SchemaMigrator migrator => new(provider, SystemClock.Instance);

    [SetUp]
    public void CreateDatabase() => target = new StorageTarget(provider);

    [TearDown]
    public void DropDatabase() => target.Dispose();

    [Test]
    public async Task Migrate_EmptyDatabase_AppliesEveryScriptInOrder()
    {
        using var connection = target.OpenConnection();

        var applied = await migrator.MigrateAsync(connection);

        var expected = SchemaMigrator.Scripts(provider).Select(s => s.Version).ToList();
        Assert.That(expected, Is.EqualTo(Enumerable.Range(1, expected.Count)), "versions are numbered 1, 2, 3… without gaps");
        Assert.That(expected, Has.Count.GreaterThanOrEqualTo(6));
        Assert.That(applied, Is.EqualTo(expected));
        Assert.That(await SchemaMigrator.AppliedVersionsAsync(connection), Is.EqualTo(expected));
    }

    [Test]
    public async Task Migrate_Twice_SecondRunAppliesNothing()
    {
        using var connection = target.OpenConnection();
        await migrator.MigrateAsync(connection);

        var again = await migrator.MigrateAsync(connection);

        Assert.That(again, Is.Empty);
    }

    [Test]
    public async Task Migrate_DatabaseAtVersion1_UpgradesToLatestAndKeepsData()
    {
        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection, targetVersion: 1), Is.EqualTo(new[] { 1 }));
            Insert(connection, "INSERT INTO tenants (code, name) VALUES ('son-la', 'Tỉnh Sơn La')");
            Insert(connection, "INSERT INTO units (tenant_code, code, name, kind, valid_from) VALUES ('son-la', 'xa-chieng-co', 'Xã Chiềng Cơi', 'locality', '2025-07-01')");
            Assert.That(() => Insert(connection, "SELECT COUNT(*) FROM submissions"), Throws.InstanceOf<DbException>(), "version 1 has no submissions table");
        }

        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection), Is.EqualTo(From(2)));
        }

        await using var db = target.Context();
        var unit = await db.Units.SingleAsync();
        Assert.That(unit.Name, Is.EqualTo("Xã Chiềng Cơi"));
        Assert.That(unit.ValidFrom, Is.EqualTo(new LocalDate(2025, 7, 1)));
        Assert.That(await db.Submissions.CountAsync(), Is.Zero);
        Assert.That(await db.ScoringRuns.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Migrate_DatabaseAtVersion3_AddsHistoryAndKeepsRuns()
    {
        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection, targetVersion: 3), Is.EqualTo(new[] { 1, 2, 3 }));
            Insert(connection, "INSERT INTO tenants (code, name) VALUES ('son-la', 'Tỉnh Sơn La')");
            Insert(connection, "INSERT INTO rule_set_versions (rule_set_id, version, tenant, title, sha256, json, published_at, published_by) " +
                "VALUES ('a', '1.0.0', 'son-la', 'Tiêu đề', 'abc', '{}', 1, 'x')");
            Insert(connection, "INSERT INTO scoring_runs (tenant_code, year, scope, rule_set_version_id, rule_set_sha256, inputs_sha256, inputs_json, " +
                "status, progress, total, created_at, created_by, concurrency) VALUES ('son-la', 2025, 'all', 1, 'abc', 'def', '{}', 'Completed', 0, 0, 1, 'x', 0)");
            Assert.That(() => Insert(connection, "SELECT COUNT(*) FROM unit_history"), Throws.InstanceOf<DbException>(), "version 3 has no history table");
        }

        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection), Is.EqualTo(From(4)));
        }

        await using var db = target.Context();
        Assert.That(await db.ScoringRuns.CountAsync(), Is.EqualTo(1));
        db.UnitHistory.Add(new UnitHistory { TenantCode = "son-la", UnitCode = "SL-A01", Year = 2024, Grade = "xuat-sac", Source = UnitHistory.Imported, RecordedAt = Instant.FromUnixTimeSeconds(1) });
        await db.SaveChangesAsync();
        await using var again = target.Context();
        var stored = await again.UnitHistory.SingleAsync();
        Assert.That((stored.UnitCode, stored.Year, stored.Grade, stored.Award, stored.Source), Is.EqualTo(("SL-A01", 2024, "xuat-sac", (string?)null, "imported")));
    }

    [Test]
    public async Task PublishedRuleSetRow_CannotBeUpdatedEvenBySql()
    {
        using var connection = target.OpenConnection();
        await migrator.MigrateAsync(connection);
        Insert(connection, "INSERT INTO rule_set_versions (rule_set_id, version, tenant, title, sha256, json, published_at, published_by) " +
            "VALUES ('a', '1.0.0', 't', 'Tiêu đề', 'abc', '{}', 1, 'x')");

        Assert.That(() => Insert(connection, "UPDATE rule_set_versions SET json = '{\"x\":1}'"), Throws.InstanceOf<DbException>());
    }

    [Test]
    public async Task ConcurrentMigrations_ApplyEachScriptOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var connection = target.OpenConnection();
            return await new SchemaMigrator(provider, SystemClock.Instance).MigrateAsync(connection);
        }));

        Assert.That(runs.SelectMany(r => r).Order(), Is.EqualTo(From(1)));
    }

    [Test]
    public async Task Migrate_DatabaseAtVersion5_KeepsPublishedDataAndThenProtectsIt()
    {
        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection, targetVersion: 5), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            ImmutabilityTests.Seed(connection);
            Insert(connection, "DELETE FROM audit_log WHERE id = 1");
            Insert(connection, "INSERT INTO audit_log (at, actor, action, entity, entity_key) VALUES (2, 'quản trị', 'run.publish', 'run', '1')");
            Insert(connection, "UPDATE unit_results SET total = 81 WHERE run_id = 1 AND unit_code = 'xa-a'");
        }

        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection), Is.EqualTo(From(6)));
            Assert.That(ImmutabilityTests.Count(connection, "audit_log"), Is.EqualTo(1));
            Assert.That(ImmutabilityTests.Scalar(connection, "SELECT grade FROM unit_results WHERE run_id = 1 AND unit_code = 'xa-a'"), Is.EqualTo("tot"));
            Assert.That(() => Insert(connection, "DELETE FROM audit_log"), ImmutabilityTests.Refused, "version 5 allowed it, version 6 does not");
            Assert.That(() => Insert(connection, "UPDATE unit_results SET total = 82 WHERE run_id = 1"), ImmutabilityTests.Refused);
            Assert.That(() => Insert(connection, "DELETE FROM submission_revisions"), ImmutabilityTests.Refused);
        }

        await using var db = target.Context();
        Assert.That((await db.UnitResults.SingleAsync(r => r.RunId == 1 && r.UnitCode == "xa-a")).Total, Is.EqualTo(81m));
        Assert.That(await db.ScoringRuns.CountAsync(r => r.PublishedAt != null), Is.EqualTo(1));
    }

    /// <summary>The versions from <paramref name="first"/> to the latest script, in order.</summary>
    private IEnumerable<int> From(int first) => Enumerable.Range(first, SchemaMigrator.LatestVersion(provider) - first + 1);

    private static void Insert(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
