using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class SubmissionRevisionEntityTypeConfiguration : IEntityTypeConfiguration<SubmissionRevision>
{
    public void Configure(EntityTypeBuilder<SubmissionRevision> builder)
    {
        builder.ToTable("submission_revisions");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.SubmissionId, r.Number }).IsUnique();
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId);
    }
}
