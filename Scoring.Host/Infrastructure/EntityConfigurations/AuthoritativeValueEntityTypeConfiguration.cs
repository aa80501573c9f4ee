using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoring.Host.Domain;

namespace Scoring.Host.Infrastructure.EntityConfigurations;

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
