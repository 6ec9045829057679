using Cases.Workflows.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Persistence.Configurations;

/// <summary>Identity's entities on the tables of migration 0006, and the bearer tokens.</summary>
internal static class AccessConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CasesUser>(user =>
        {
            user.ToTable("users");
            user.Property(entity => entity.Centre).HasMaxLength(11);
        });
        modelBuilder.Entity<IdentityRole<Guid>>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        modelBuilder.Entity<AccessToken>(token =>
        {
            token.ToTable("access_tokens");
            token.HasKey(entity => entity.Id);
            token.Property(entity => entity.Id).ValueGeneratedNever();
            token.HasIndex(entity => entity.Hash).IsUnique();
            token.HasOne<CasesUser>().WithMany().HasForeignKey(entity => entity.UserId);
        });
    }
}
