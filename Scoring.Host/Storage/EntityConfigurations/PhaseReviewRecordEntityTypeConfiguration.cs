using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class PhaseReviewRecordEntityTypeConfiguration : IEntityTypeConfiguration<PhaseReviewRecord>
{
    public void Configure(EntityTypeBuilder<PhaseReviewRecord> builder)
    {
        builder.ToTable("phase_reviews");
        builder.HasKey(r => r.Id);
        // The review's identity: two hosts enqueueing the same review get one row.
        builder.HasIndex(r => new { r.TenantCode, r.Phase, r.InputsSha256 }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.Concurrency).IsConcurrencyToken();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantCode);
    }
}
