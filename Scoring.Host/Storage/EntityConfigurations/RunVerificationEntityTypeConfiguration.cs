using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class RunVerificationEntityTypeConfiguration : IEntityTypeConfiguration<RunVerification>
{
    public void Configure(EntityTypeBuilder<RunVerification> builder)
    {
        builder.ToTable("run_verifications");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.RunId, v.VerifiedAt });
        builder.HasOne<ScoringRun>().WithMany().HasForeignKey(v => v.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
