using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class RuleSetVersionEntityTypeConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("rule_set_versions");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.RuleSetId, r.Version }).IsUnique();
        builder.Property(r => r.Sha256).HasMaxLength(64);
    }
}
