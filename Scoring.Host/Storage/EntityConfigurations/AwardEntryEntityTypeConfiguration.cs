using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class AwardEntryEntityTypeConfiguration : IEntityTypeConfiguration<AwardEntry>
{
    public void Configure(EntityTypeBuilder<AwardEntry> builder)
    {
        builder.ToTable("award_entries");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.RunId);
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
