using Cases.Domain.Cases;
using Cases.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence.Configurations;

internal sealed class CaseClockOperationConfiguration : IEntityTypeConfiguration<CaseClockOperation>
{
    public void Configure(EntityTypeBuilder<CaseClockOperation> builder)
    {
        builder.ToTable("case_clock_operations");
        builder.HasKey(operation => new { operation.CaseId, operation.Sequence, operation.Ordinal });
        builder.Property(operation => operation.Sequence).ValueGeneratedNever();
        builder.Property(operation => operation.Ordinal).ValueGeneratedNever();
        builder.HasOne<CaseEvent>().WithMany().HasForeignKey(operation => new { operation.CaseId, operation.Sequence });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.Payload).HasColumnType("jsonb");
    }
}

internal sealed class RegistryConfiguration :
    IEntityTypeConfiguration<CentreTechnicalScope>,
    IEntityTypeConfiguration<CentreRegisteredApplicant>,
    IEntityTypeConfiguration<ConflictLink>
{
    public void Configure(EntityTypeBuilder<CentreTechnicalScope> builder)
    {
        builder.ToTable("centre_technical_scope");
        builder.HasKey(scope => new { scope.CentreCode, scope.IpcClass });
    }

    public void Configure(EntityTypeBuilder<CentreRegisteredApplicant> builder)
    {
        builder.ToTable("centre_registered_applicants");
        builder.HasKey(applicant => new { applicant.CentreCode, applicant.Name });
    }

    public void Configure(EntityTypeBuilder<ConflictLink> builder)
    {
        builder.ToTable("conflict_links");
        builder.HasKey(link => link.Id);
        builder.Property(link => link.Id).ValueGeneratedNever();
    }
}
