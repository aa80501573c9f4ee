using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class AuthoritativeValueEntityTypeConfiguration : IEntityTypeConfiguration<AuthoritativeValue>
{
    public void Configure(EntityTypeBuilder<AuthoritativeValue> builder)
    {
        builder.ToTable("authoritative_values");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.TenantCode, v.Year, v.UnitCode, v.Indicator });
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(x => x.BatchId);
    }
}
