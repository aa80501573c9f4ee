using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

sealed class GroupMemberEntityTypeConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("group_members");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.GroupId, m.UnitCode }).IsUnique();
        builder.Property(m => m.Role).HasConversion<string>();
    }
}
