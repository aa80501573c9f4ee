using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoring.Host.Domain;

namespace Scoring.Host.Infrastructure.EntityConfigurations;

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
