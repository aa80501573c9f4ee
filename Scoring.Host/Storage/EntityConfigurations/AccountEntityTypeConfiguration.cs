using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoring.Host.Storage.EntityConfigurations;

/// <summary>Identity's user store under the schema's names (0007_accounts.sql).</summary>
sealed class AccountEntityTypeConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>, IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasIndex(a => a.NormalizedUserName).HasDatabaseName("ux_accounts_normalized_user_name").IsUnique();
        builder.HasIndex(a => a.NormalizedEmail).HasDatabaseName("ix_accounts_normalized_email");
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("account_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("account_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("account_tokens");
}
