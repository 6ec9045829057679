using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Domain.Calendars;
using Cases.Domain.Cases;
using Cases.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cases.Workflows.Persistence.Configurations;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.ToTable("deadlines");
        builder.HasKey(deadline => deadline.Id);
        builder.Property(deadline => deadline.Id).ValueGeneratedNever();
        builder.Property(deadline => deadline.Centre).HasColumnName("CentreCode");
        builder.Property(deadline => deadline.HandlingCentre).HasColumnName("HandlingCentreCode");
        builder.Property(deadline => deadline.Version).IsConcurrencyToken();
        builder.Property(deadline => deadline.Explanation)
            .HasColumnType("jsonb")
            .HasConversion(
                steps => JsonSerializer.Serialize(steps, ExplanationJson.Options),
                json => JsonSerializer.Deserialize<List<ExplanationStep>>(json, ExplanationJson.Options) ?? new List<ExplanationStep>(),
                new ValueComparer<IReadOnlyList<ExplanationStep>>((left, right) => ReferenceEquals(left, right), steps => steps.Count, steps => steps));
        builder.Ignore(deadline => deadline.RecordedChanges);
        builder.Ignore(deadline => deadline.IsOpen);
        builder.Ignore(deadline => deadline.Period);
        // Modelled so EF inserts a new case (and its timeline entry) before the deadlines and changes that refer to them.
        builder.HasOne<Case>().WithMany().HasForeignKey(deadline => deadline.CaseId);
    }
}

internal sealed class DeadlineChangeConfiguration : IEntityTypeConfiguration<DeadlineChange>
{
    public void Configure(EntityTypeBuilder<DeadlineChange> builder)
    {
        builder.ToTable("deadline_changes");
        builder.Property<long>("Id").UseIdentityAlwaysColumn();
        builder.HasKey("Id");
        builder.HasOne<Deadline>().WithMany().HasForeignKey(change => change.DeadlineId);
        builder.HasOne<CaseEvent>().WithMany().HasForeignKey(change => new { change.CaseId, change.CaseSequence });
    }
}

/// <summary>A deadline id is stored as its Guid, wherever it appears.</summary>
internal sealed class DeadlineIdConverter() : ValueConverter<DeadlineId, Guid>(id => id.Value, value => new DeadlineId(value));

/// <summary>How explanations are stored and shown: camelCase, kinds by name.</summary>
public static class ExplanationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
