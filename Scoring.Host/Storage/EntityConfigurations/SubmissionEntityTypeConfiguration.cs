using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class SubmissionEntityTypeConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.TenantCode, s.UnitCode, s.Year }).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>();
        builder.Property(s => s.Concurrency).IsConcurrencyToken();
        builder.Ignore(s => s.ETag);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantCode);
    }
}
