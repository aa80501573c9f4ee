using System.Data.Common;
using System.Globalization;
using NodaTime;
using NUnit.Framework.Constraints;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Storage;

/// <summary>
/// Schema 0006: the database itself refuses to lose or rewrite what was published or recorded, whatever SQL is sent.
/// Runs that are not published stay free to be started, failed, resumed, completed and cleaned up.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class ImmutabilityTests(Backend backend)
{
    private const long PublishedRun = 1;
    private const long OpenRun = 2;
    private StorageTarget target = null!;
    private DbConnection connection = null!;

    /// <summary>Refused by a 0006 trigger (its message), not by some other error such as a typo in the statement.</summary>
    internal static Constraint Refused => Throws.InstanceOf<DbException>().With.Message.Match("immutable|append-only|never|refused|another tenant");

    [SetUp]
    public async Task CreateDatabase()
    {
        target = new StorageTarget(backend.Provider());
        connection = target.OpenConnection();
        await new SchemaMigrator(backend.Provider(), SystemClock.Instance).MigrateAsync(connection);
        Seed(connection);
    }

    [TearDown]
    public void DropDatabase()
    {
        connection.Dispose();
        target.Dispose();
    }

    [TestCase("DELETE FROM rule_set_versions", "rule_set_versions")]
    [TestCase("DELETE FROM submission_revisions", "submission_revisions")]
    [TestCase("UPDATE audit_log SET actor = 'khác'", "audit_log")]
    [TestCase("DELETE FROM audit_log", "audit_log")]
    public void RecordedRows_CannotBeDeletedOrRewritten(string sql, string table)
    {
        var before = Count(connection, table);

        Assert.That(() => Execute(connection, sql), Refused);
        Assert.That(Count(connection, table), Is.EqualTo(before));
        Assert.That(Scalar(connection, "SELECT actor FROM audit_log WHERE id = 1"), Is.EqualTo("quản trị"));
    }

    [TestCase("UPDATE scoring_runs SET result_sha256 = 'khác' WHERE id = 1")]
    [TestCase("UPDATE scoring_runs SET result_json = '{}' WHERE id = 1")]
    [TestCase("UPDATE scoring_runs SET inputs_sha256 = 'khác' WHERE id = 1")]
    [TestCase("UPDATE scoring_runs SET status = 'Queued' WHERE id = 1")]
    [TestCase("UPDATE scoring_runs SET published_at = NULL WHERE id = 1")]
    [TestCase("DELETE FROM scoring_runs WHERE id = 1")]
    [TestCase("UPDATE unit_results SET total = 99 WHERE run_id = 1")]
    [TestCase("UPDATE unit_results SET run_id = 1, unit_code = 'xa-z' WHERE run_id = 2 AND unit_code = 'xa-a'")]
    [TestCase("DELETE FROM unit_results WHERE run_id = 1")]
    [TestCase("INSERT INTO unit_results (run_id, group_code, unit_code, unit_name, rank, total, grade, card_json) VALUES (1, 'cum-1', 'xa-c', 'Xã C', 3, 10, 'kha', '{}')")]
    [TestCase("UPDATE award_entries SET reason = 'khác' WHERE run_id = 1")]
    [TestCase("DELETE FROM award_entries WHERE run_id = 1")]
    [TestCase("INSERT INTO award_entries (run_id, award, award_title, unit_code, unit_name, group_code, rank, total, tie_at_cut, reason) VALUES (1, 'bang-khen', 'Bằng khen', 'xa-c', 'Xã C', 'cum-1', 3, 10, FALSE, 'thêm')")]
    public void PublishedRun_AndItsResults_CannotChange(string sql)
    {
        var fingerprint = PublishedFingerprint(connection);

        Assert.That(() => Execute(connection, sql), Refused);
        Assert.That(PublishedFingerprint(connection), Is.EqualTo(fingerprint));
    }

    [Test]
    public void UnpublishedRun_StaysFreeForTheRunner_ThenFreezesOncePublished()
    {
        // What RunExecutor, RunService (resume) and RunProgress do to a run that is not published yet.
        Execute(connection, "UPDATE scoring_runs SET status = 'Failed', error = 'hết bộ nhớ' WHERE id = 2");
        Execute(connection, "UPDATE scoring_runs SET status = 'Queued', error = NULL, concurrency = concurrency + 1 WHERE id = 2");
        Execute(connection, "UPDATE scoring_runs SET status = 'Running', progress = 1 WHERE id = 2");
        Execute(connection, "DELETE FROM unit_results WHERE run_id = 2");
        Execute(connection, "DELETE FROM award_entries WHERE run_id = 2");
        Execute(connection, "UPDATE scoring_runs SET status = 'Completed', result_json = '{\"v\":2}', result_sha256 = 'r2' WHERE id = 2");
        Execute(connection, "INSERT INTO unit_results (run_id, group_code, unit_code, unit_name, rank, total, grade, card_json) VALUES (2, 'cum-1', 'xa-a', 'Xã A', 1, 80, 'tot', '{}')");
        Execute(connection, "UPDATE scoring_runs SET published_at = 5, concurrency = concurrency + 1 WHERE id = 2 AND published_at IS NULL");
        Execute(connection, "UPDATE scoring_runs SET concurrency = concurrency + 1 WHERE id = 1");

        Assert.That(Scalar(connection, "SELECT result_sha256 FROM scoring_runs WHERE id = 2"), Is.EqualTo("r2"));
        Assert.That(() => Execute(connection, "UPDATE unit_results SET total = 1 WHERE run_id = 2"), Refused, "run 2 is published now");
        Assert.That(() => Execute(connection, "DELETE FROM scoring_runs WHERE id = 2"), Refused);
    }

    [Test]
    public void UnpublishedRun_CanBeDeletedWithItsResults()
    {
        Execute(connection, "DELETE FROM unit_results WHERE run_id = 2");
        Execute(connection, "DELETE FROM award_entries WHERE run_id = 2");
        Execute(connection, "DELETE FROM scoring_runs WHERE id = 2");

        Assert.That(Count(connection, "scoring_runs"), Is.EqualTo(1));
    }

    [Test]
    public void RuleSetId_OfAnotherTenant_CannotBeInserted_ButTheOwnerAddsVersions()
    {
        Execute(connection, "INSERT INTO rule_set_versions (rule_set_id, version, tenant, title, sha256, json, published_at, published_by) " +
            "VALUES ('son-la.bo', '2.0.0', 'son-la', 'Bộ 2', 'h2', '{}', 2, 'x')");

        Assert.That(() => Execute(connection, "INSERT INTO rule_set_versions (rule_set_id, version, tenant, title, sha256, json, published_at, published_by) " +
            "VALUES ('son-la.bo', '3.0.0', 'lai-chau', 'Bộ lạ', 'h3', '{}', 3, 'y')"), Refused);
        Assert.That(Count(connection, "rule_set_versions"), Is.EqualTo(2));
    }

    [TestCase("audit_log")]
    [TestCase("rule_set_versions")]
    [TestCase("submission_revisions")]
    [TestCase("unit_results")]
    public void Truncate_IsRefusedOnPostgres(string table)
    {
        if (backend != Backend.Postgres)
        {
            Assert.That(() => Execute(connection, $"DELETE FROM {table}"), Refused, "SQLite has no TRUNCATE; DELETE is refused");
            return;
        }

        Assert.That(() => Execute(connection, $"TRUNCATE {table} CASCADE"), Refused);
        Assert.That(Count(connection, table), Is.GreaterThan(0));
    }

    /// <summary>A tenant, a rule set, a submission with a revision, an audit row; run 1 published and run 2 completed, each with results.</summary>
    internal static void Seed(DbConnection connection)
    {
        Execute(connection, "INSERT INTO tenants (code, name) VALUES ('son-la', 'Tỉnh Sơn La')");
        Execute(connection, "INSERT INTO rule_set_versions (rule_set_id, version, tenant, title, sha256, json, published_at, published_by) " +
            "VALUES ('son-la.bo', '1.0.0', 'son-la', 'Bộ tiêu chí', 'h1', '{}', 1, 'x')");
        Execute(connection, "INSERT INTO submissions (tenant_code, unit_code, year, status, current_revision, late, updated_at, concurrency) " +
            "VALUES ('son-la', 'xa-a', 2025, 'Submitted', 1, FALSE, 1, 1)");
        Execute(connection, "INSERT INTO submission_revisions (submission_id, number, values_json, created_at, created_by) VALUES (1, 1, '{\"a\":\"1\"}', 1, 'xa-a')");
        Execute(connection, "INSERT INTO audit_log (at, actor, action, entity, entity_key, before_sha256, after_sha256) VALUES (1, 'quản trị', 'unit.create', 'unit', 'son-la/xa-a', NULL, 'h')");
        foreach (var (id, scope) in new[] { (PublishedRun, "all"), (OpenRun, "cum-1") })
        {
            Execute(connection, "INSERT INTO scoring_runs (tenant_code, year, scope, rule_set_version_id, rule_set_sha256, inputs_sha256, inputs_json, status, progress, " +
                $"total, result_json, result_sha256, created_at, created_by, completed_at, concurrency) VALUES ('son-la', 2025, '{scope}', 1, 'h1', 'i{id}', '{{}}', " +
                $"'Completed', 2, 2, '{{\"v\":1}}', 'r{id}', 1, 'x', 2, 1)");
            Execute(connection, "INSERT INTO unit_results (run_id, group_code, unit_code, unit_name, rank, total, grade, card_json) " +
                $"VALUES ({id}, 'cum-1', 'xa-a', 'Xã A', 1, 80.5, 'tot', '{{}}'), ({id}, 'cum-1', 'xa-b', 'Xã B', 2, 70, 'kha', '{{}}')");
            Execute(connection, "INSERT INTO award_entries (run_id, award, award_title, unit_code, unit_name, group_code, rank, total, tie_at_cut, reason) " +
                $"VALUES ({id}, 'co-thi-dua', 'Cờ thi đua', 'xa-a', 'Xã A', 'cum-1', 1, 80.5, FALSE, 'hạng 1')");
        }

        Execute(connection, "UPDATE scoring_runs SET published_at = 3 WHERE id = 1");
    }

    internal static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static long Count(DbConnection connection, string table) =>
        long.Parse(Scalar(connection, $"SELECT COUNT(*) FROM {table}")!, CultureInfo.InvariantCulture);

    private static string PublishedFingerprint(DbConnection connection) => string.Join("|",
        Scalar(connection, "SELECT tenant_code || scope || status || inputs_sha256 || result_json || result_sha256 || published_at FROM scoring_runs WHERE id = 1"),
        Scalar(connection, "SELECT COUNT(*) FROM unit_results WHERE run_id = 1"),
        Scalar(connection, "SELECT SUM(total) FROM unit_results WHERE run_id = 1"),
        Scalar(connection, "SELECT MIN(reason) || COUNT(*) FROM award_entries WHERE run_id = 1"));
}
