using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Storage;

/// <summary>
/// Upgrading to 0005: a reminder queued under the old one-per-unit-and-year key becomes that unit's 7-day reminder (so it
/// is not sent again); other messages and keys that already carry an offset are left alone.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class ReminderKeysMigrationTests(Backend backend)
{
    private StorageTarget target = null!;

    [SetUp]
    public void CreateDatabase() => target = new StorageTarget(backend.Provider());

    [TearDown]
    public void DropDatabase() => target.Dispose();

    [Test]
    public async Task Migrate_DatabaseAtVersion4_GivesOldReminderKeysTheSevenDayOffset()
    {
        var migrator = new SchemaMigrator(backend.Provider(), SystemClock.Instance);
        using (var connection = target.OpenConnection())
        {
            Assert.That(await migrator.MigrateAsync(connection, targetVersion: 4), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Insert(connection, "reminder", "reminder:son-la:2025:xa-b");
            Insert(connection, "reminder", "reminder:son-la:2025:xa-c:3d");
            Insert(connection, "notice", "notice:son-la:2025:xa-b");
        }

        using (var connection = target.OpenConnection())
        {
            Assert.That((await migrator.MigrateAsync(connection))[0], Is.EqualTo(5));
        }

        await using var db = target.Context();
        var keys = await db.Outbox.OrderBy(o => o.Id).Select(o => o.DedupKey).ToListAsync();
        Assert.That(keys, Is.EqualTo(new[] { ReminderJob.KeyFor("son-la", 2025, "xa-b", 7), "reminder:son-la:2025:xa-c:3d", "notice:son-la:2025:xa-b" }));
    }

    private static void Insert(DbConnection connection, string kind, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO outbox_messages (created_at, kind, tenant_code, recipient, subject, body, dedup_key) " +
            $"VALUES (1, '{kind}', 'son-la', 'xa-b', 'Nhắc nộp', 'Đơn vị chưa nộp', '{key}')";
        command.ExecuteNonQuery();
    }
}
