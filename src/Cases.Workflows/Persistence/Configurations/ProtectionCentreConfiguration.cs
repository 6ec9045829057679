using Cases.Domain.Centres;
using Cases.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence.Configurations;

internal sealed class ProtectionCentreConfiguration : IEntityTypeConfiguration<ProtectionCentre>
{
    public void Configure(EntityTypeBuilder<ProtectionCentre> builder)
    {
        builder.ToTable("protection_centres");
        builder.HasKey(centre => centre.Code);
        builder.Property(centre => centre.Region).HasConversion(region => region.Code, code => Region.FromCode(code));
        builder.Property(centre => centre.Name).HasMaxLength(ProtectionCentre.MaximumNameLength);
    }
}
