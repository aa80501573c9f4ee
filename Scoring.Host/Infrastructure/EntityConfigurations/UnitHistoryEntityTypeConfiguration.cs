using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoring.Host.Domain;

namespace Scoring.Host.Infrastructure.EntityConfigurations;

sealed class UnitHistoryEntityTypeConfiguration : IEntityTypeConfiguration<UnitHistory>
{
    public void Configure(EntityTypeBuilder<UnitHistory> builder)
    {
        builder.ToTable("unit_history");
        builder.HasKey(h => h.Id);
        builder.HasIndex(h => new { h.TenantCode, h.Year });
    }
}
