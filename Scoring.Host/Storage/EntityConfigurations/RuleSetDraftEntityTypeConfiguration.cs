using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class RuleSetDraftEntityTypeConfiguration : IEntityTypeConfiguration<RuleSetDraft>
{
    public void Configure(EntityTypeBuilder<RuleSetDraft> builder)
    {
        builder.ToTable("rule_set_drafts");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.RuleSetId, d.Version }).IsUnique();
        builder.HasIndex(d => d.Tenant);
    }
}
