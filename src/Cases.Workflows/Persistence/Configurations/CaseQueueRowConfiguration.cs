using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence.Configurations;

/// <summary>The queue reads the cases table as plain rows: no change tracking, no aggregate.</summary>
internal sealed class CaseQueueRowConfiguration : IEntityTypeConfiguration<CaseQueueRow>
{
    public void Configure(EntityTypeBuilder<CaseQueueRow> builder)
    {
        builder.HasNoKey();
        builder.ToView("cases");
    }
}
