using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class MovementEntityTypeConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> builder)
    {
        builder.ToTable("movements");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.TenantCode, m.Code }).IsUnique();
        builder.Property(m => m.ReportDeadline).HasMaxLength(5);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantCode);
    }
}
