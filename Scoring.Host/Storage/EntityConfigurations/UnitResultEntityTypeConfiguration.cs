using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class UnitResultEntityTypeConfiguration : IEntityTypeConfiguration<UnitResult>
{
    public void Configure(EntityTypeBuilder<UnitResult> builder)
    {
        builder.ToTable("unit_results");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.RunId, r.UnitCode }).IsUnique();
        builder.HasIndex(r => new { r.RunId, r.GroupCode, r.Rank });
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
