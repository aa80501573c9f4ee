using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class EvidenceFileEntityTypeConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("evidence_files");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.SubmissionId);
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId);
    }
}
