using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Storage;

[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class ScoringDbContextTests(Backend backend)
{
    private readonly DatabaseProvider provider = backend.Provider();
    private StorageTarget target = null!;

    [SetUp]
    public async Task CreateSchema()
    {
        target = new StorageTarget(provider);
        using var connection = target.OpenConnection();
        await new SchemaMigrator(provider, SystemClock.Instance).MigrateAsync(connection);
    }

    [TearDown]
    public void DropDatabase() => target.Dispose();

    [Test]
    public async Task EveryEntity_RoundTripsThroughTheScriptedSchema()
    {
        var at = Instant.FromUtc(2025, 11, 10, 16, 59, 59).PlusTicks(1234567);
        await using (var db = target.Context())
        {
            db.Tenants.Add(new Tenant { Code = "lai-chau", Name = "Tỉnh Lai Châu" });
            db.Movements.Add(new Movement { TenantCode = "lai-chau", Code = "cds", Title = "Thi đua đổi mới sáng tạo", ReportDeadline = "12-01" });
            db.Units.Add(new Unit { TenantCode = "lai-chau", Code = "xa-a", Name = "Xã Bản Hon", Kind = "locality", ValidTo = new LocalDate(2025, 6, 30), SuccessorCode = "xa-b" });
            var group = new Group { TenantCode = "lai-chau", Year = 2025, Code = "cum-1", Name = "Cụm thi đua số 1", Kind = "cluster" };
            group.Members.Add(new GroupMember { UnitCode = "xa-a", Role = GroupRole.Head });
            db.Groups.Add(group);
            db.RuleSetVersions.Add(new RuleSetVersion { RuleSetId = "r", Version = "1.0.0", Tenant = "lai-chau", Title = "Bộ tiêu chí", Sha256 = new string('a', 64), Json = "{}", PublishedAt = at, PublishedBy = "x" });
            db.Submissions.Add(new Submission { TenantCode = "lai-chau", UnitCode = "xa-a", Year = 2025, Status = SubmissionStatus.Returned, SubmittedAt = at, Late = true, Comments = "Bổ sung minh chứng", UpdatedAt = at });
            db.AuditLog.Add(new AuditEntry { At = at, Actor = "a", Action = "x", Entity = "y", EntityKey = "z" });
            db.RuleSetDrafts.Add(new RuleSetDraft
            {
                RuleSetId = "r", Version = "1.1.0", Tenant = "lai-chau", Title = "Bản nháp", BasedOnVersion = "1.0.0", Origin = "version", Json = "{ }",
                Revision = 3, CreatedAt = at, CreatedBy = "a", UpdatedAt = at, UpdatedBy = "b",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = target.Context())
        {
            db.ScoringRuns.Add(new ScoringRun
            {
                TenantCode = "lai-chau", Year = 2025, Scope = "all", RuleSetVersionId = (await db.RuleSetVersions.SingleAsync()).Id, RuleSetSha256 = "h",
                InputsSha256 = "i", InputsJson = "{}", Status = RunStatus.Completed, CreatedAt = at, CreatedBy = "x",
            });
            await db.SaveChangesAsync();
            db.UnitResults.Add(new UnitResult { RunId = (await db.ScoringRuns.SingleAsync()).Id, GroupCode = "cum-1", UnitCode = "xa-a", UnitName = "Xã Bản Hon", Rank = 1, Total = 87.125m, Grade = "xuat-sac", CardJson = "{}" });
            await db.SaveChangesAsync();
        }

        await using (var db = target.Context())
        {
            var unit = await db.Units.SingleAsync();
            Assert.That(unit.ValidTo, Is.EqualTo(new LocalDate(2025, 6, 30)));
            Assert.That(unit.SuccessorCode, Is.EqualTo("xa-b"));
            var submission = await db.Submissions.SingleAsync();
            Assert.That(submission.Status, Is.EqualTo(SubmissionStatus.Returned));
            Assert.That(submission.SubmittedAt, Is.EqualTo(at), "instants keep 100 ns ticks");
            Assert.That(submission.Late, Is.True);
            Assert.That(submission.Comments, Is.EqualTo("Bổ sung minh chứng"));
            var group = await db.Groups.Include(g => g.Members).SingleAsync();
            Assert.That(group.Members.Single().Role, Is.EqualTo(GroupRole.Head));
            Assert.That((await db.UnitResults.SingleAsync()).Total, Is.EqualTo(87.125m));
            Assert.That((await db.ScoringRuns.SingleAsync()).Status, Is.EqualTo(RunStatus.Completed));
            var draft = await db.RuleSetDrafts.SingleAsync();
            Assert.That((draft.BasedOnVersion, draft.Revision, draft.UpdatedAt, draft.UpdatedBy), Is.EqualTo(("1.0.0", 3, at, "b")));
        }
    }

    [Test]
    public async Task SameRunIdentityTwice_SecondInsertIsRejected()
    {
        await using var db = target.Context();
        db.Tenants.Add(new Tenant { Code = "t", Name = "T" });
        db.RuleSetVersions.Add(new RuleSetVersion { RuleSetId = "r", Version = "1.0.0", Tenant = "t", Title = "R", Sha256 = "h", Json = "{}", PublishedBy = "x" });
        await db.SaveChangesAsync();
        var ruleSetId = (await db.RuleSetVersions.SingleAsync()).Id;
        ScoringRun Run() => new()
        {
            TenantCode = "t", Year = 2025, Scope = "all", RuleSetVersionId = ruleSetId, RuleSetSha256 = "h", InputsSha256 = "i", InputsJson = "{}", CreatedBy = "x",
        };
        db.ScoringRuns.Add(Run());
        await db.SaveChangesAsync();

        db.ScoringRuns.Add(Run());

        Assert.That(async () => await db.SaveChangesAsync(), Throws.InstanceOf<DbUpdateException>());
    }

    [Test]
    public void Movement_DeadlineEnd_IsMidnightAfterTheLocalDeadlineDay()
    {
        var movement = new Movement { TenantCode = "son-la", Code = "c", Title = "T", ReportDeadline = "11-10" };

        Assert.That(movement.DeadlineIn(2025), Is.EqualTo(new LocalDate(2025, 11, 10)));
        Assert.That(movement.DeadlineEndIn(2025), Is.EqualTo(Instant.FromUtc(2025, 11, 10, 17, 0)), "00:00 on 11/11 in UTC+7");
    }
}
