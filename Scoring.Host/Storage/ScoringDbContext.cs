using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Storage;

/// <summary>
/// The service's database: SQLite by default, PostgreSQL when configured. The schema comes from versioned SQL scripts. It is
/// also Identity's user store (<see cref="Account"/>), so an account change and its audit entry share one transaction.
/// </summary>
internal sealed class ScoringDbContext(DbContextOptions<ScoringDbContext> options) : IdentityUserContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Movement> Movements => Set<Movement>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();
    public DbSet<RuleSetDraft> RuleSetDrafts => Set<RuleSetDraft>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionRevision> SubmissionRevisions => Set<SubmissionRevision>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<AuthoritativeValue> AuthoritativeValues => Set<AuthoritativeValue>();
    public DbSet<ScoringRun> ScoringRuns => Set<ScoringRun>();
    public DbSet<UnitResult> UnitResults => Set<UnitResult>();
    public DbSet<RunVerification> RunVerifications => Set<RunVerification>();
    public DbSet<PhaseReviewRecord> PhaseReviews => Set<PhaseReviewRecord>();
    public DbSet<UnitHistory> UnitHistory => Set<UnitHistory>();
    public DbSet<AwardEntry> AwardEntries => Set<AwardEntry>();
    public DbSet<AwardAppraisal> AwardAppraisals => Set<Council.AwardAppraisal>();
    public DbSet<CouncilDecision> CouncilDecisions => Set<Council.CouncilDecision>();
    public DbSet<AwardRevocation> AwardRevocations => Set<Council.AwardRevocation>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantTicksConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateIsoConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(12, 4);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ScoringDbContext).Assembly);

        // The SQL scripts use snake_case names on both providers.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && !char.IsUpper(name[i - 1]))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsDigit(c) && i > 0 && !char.IsDigit(name[i - 1]))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
