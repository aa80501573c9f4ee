using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class AwardAppraisalEntityTypeConfiguration : IEntityTypeConfiguration<AwardAppraisal>
{
    public void Configure(EntityTypeBuilder<AwardAppraisal> builder)
    {
        builder.ToTable("award_appraisals");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.AwardEntryId);
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardEntry>().WithMany().HasForeignKey(x => x.AwardEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
