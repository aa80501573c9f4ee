using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class ScoringRunEntityTypeConfiguration : IEntityTypeConfiguration<ScoringRun>
{
    public void Configure(EntityTypeBuilder<ScoringRun> builder)
    {
        builder.ToTable("scoring_runs");
        builder.HasKey(r => r.Id);
        // The run's identity: two hosts enqueueing the same run get one row.
        builder.HasIndex(r => new { r.TenantCode, r.Year, r.Scope, r.RuleSetSha256, r.InputsSha256 }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.Concurrency).IsConcurrencyToken();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantCode);
        builder.HasOne<RuleSetVersion>().WithMany().HasForeignKey(x => x.RuleSetVersionId);
    }
}
