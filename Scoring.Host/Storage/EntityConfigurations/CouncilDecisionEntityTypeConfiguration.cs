using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class CouncilDecisionEntityTypeConfiguration : IEntityTypeConfiguration<CouncilDecision>
{
    public void Configure(EntityTypeBuilder<CouncilDecision> builder)
    {
        builder.ToTable("council_decisions");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.AwardEntryId);
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardEntry>().WithMany().HasForeignKey(x => x.AwardEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
