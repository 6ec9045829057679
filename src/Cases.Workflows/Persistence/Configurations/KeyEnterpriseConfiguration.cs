using Cases.Domain.Centres;
using Cases.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence.Configurations;

/// <summary>Key enterprises on the <c>enterprises</c> table of migration 0007.</summary>
internal sealed class KeyEnterpriseConfiguration : IEntityTypeConfiguration<KeyEnterprise>
{
    public void Configure(EntityTypeBuilder<KeyEnterprise> builder)
    {
        builder.ToTable("enterprises");
        builder.HasKey(enterprise => enterprise.Id);
        builder.Property(enterprise => enterprise.Id).ValueGeneratedNever();
        builder.Property(enterprise => enterprise.Name).HasMaxLength(KeyEnterprise.MaximumNameLength);
        builder.Property(enterprise => enterprise.UnifiedSocialCreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(enterprise => enterprise.UnifiedSocialCreditCode).IsUnique();
        builder.Property(enterprise => enterprise.Centre).HasColumnName("CentreCode");
        builder.HasOne<ProtectionCentre>().WithMany().HasForeignKey(enterprise => enterprise.Centre);
        builder.Property(enterprise => enterprise.Version).IsConcurrencyToken();
        builder.Ignore(enterprise => enterprise.IsActive);
    }
}
