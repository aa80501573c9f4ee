using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class AwardRevocationEntityTypeConfiguration : IEntityTypeConfiguration<AwardRevocation>
{
    public void Configure(EntityTypeBuilder<AwardRevocation> builder)
    {
        builder.ToTable("award_revocations");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.AwardEntryId).IsUnique();
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardEntry>().WithMany().HasForeignKey(x => x.AwardEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
