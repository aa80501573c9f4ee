using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class UnitHistoryEntityTypeConfiguration : IEntityTypeConfiguration<UnitHistory>
{
    public void Configure(EntityTypeBuilder<UnitHistory> builder)
    {
        builder.ToTable("unit_history");
        builder.HasKey(h => h.Id);
        builder.HasIndex(h => new { h.TenantCode, h.Year });
    }
}
