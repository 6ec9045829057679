using System.Text.Json;
using Cases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence.Configurations;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(@event => new { @event.CaseId, @event.Sequence });
        builder.Property(@event => @event.Sequence).ValueGeneratedNever();
        builder.Property(@event => @event.Data)
            .HasColumnType("jsonb")
            .HasConversion(
                data => JsonSerializer.Serialize(data, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string?>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string?>(),
                new ValueComparer<IReadOnlyDictionary<string, string?>>(
                    (left, right) => ReferenceEquals(left, right),
                    data => data.Count,
                    data => data));
        builder.HasOne<Case>().WithMany().HasForeignKey(@event => @event.CaseId);
    }
}
