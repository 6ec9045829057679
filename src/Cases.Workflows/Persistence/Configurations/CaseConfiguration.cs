using Cases.Domain.Cases;
using System.Text.Json;
using Cases.Domain.Centres;
using Cases.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public const string SearchText = "SearchText";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(@case => @case.Id);
        builder.Property(@case => @case.Id).ValueGeneratedNever();
        builder.Property(@case => @case.Number).HasConversion(number => number.ToString(), text => CaseNumberText.Parse(text));
        builder.Property(@case => @case.Centre).HasColumnName("CentreCode");
        builder.Property(@case => @case.State).HasConversion(state => state.Name, name => new CaseState(name));
        builder.HasOne<ProtectionCentre>().WithMany().HasForeignKey(@case => @case.Centre);
        builder.Property(@case => @case.HandlingCentre).HasColumnName("HandlingCentreCode");
        builder.Property(@case => @case.ReferredTo).HasColumnName("ReferredToCentreCode");
        builder.Property(@case => @case.Enterprise).HasColumnName("EnterpriseId");
        builder.HasOne<Domain.Enterprises.KeyEnterprise>().WithMany().HasForeignKey(@case => @case.Enterprise);
        builder.Property(@case => @case.Version).IsConcurrencyToken();
        builder.Property<string>(SearchText);
        builder.Ignore(@case => @case.RecordedEvents);
        builder.Ignore(@case => @case.RecordedClockOperations);
        builder.Ignore(@case => @case.Workflow);
        // The case replaces the dictionary whenever it keeps a value, so reference equality detects changes.
        builder.Property(@case => @case.Facts)
            .HasField("facts")
            .HasColumnType("jsonb")
            .HasConversion(
                facts => JsonSerializer.Serialize(facts, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<IReadOnlyDictionary<string, string>>((left, right) => ReferenceEquals(left, right), facts => facts.Count, facts => facts));

        builder.OwnsMany(@case => @case.Clocks, clock =>
        {
            clock.ToTable("case_clocks");
            clock.WithOwner().HasForeignKey("CaseId");
            clock.HasKey("CaseId", nameof(CaseClock.Name));
        });
        builder.Navigation(@case => @case.Clocks).HasField("clocks");

        builder.OwnsMany(@case => @case.Parties, party =>
        {
            party.ToTable("case_parties");
            party.WithOwner().HasForeignKey("CaseId");
            party.HasKey("CaseId", nameof(Party.Ordinal));
            party.Property(p => p.Ordinal).ValueGeneratedNever();
        });
        builder.Navigation(@case => @case.Parties).HasField("parties");

        builder.OwnsMany(@case => @case.Rights, right =>
        {
            right.ToTable("case_rights");
            right.WithOwner().HasForeignKey("CaseId");
            right.HasKey("CaseId", nameof(Domain.Rights.IntellectualPropertyRight.Ordinal));
            right.Property(r => r.Ordinal).ValueGeneratedNever();
        });
        builder.Navigation(@case => @case.Rights).HasField("rights");
    }

    /// <summary>What the triage queue's free-text filter searches.</summary>
    public static string SearchTextOf(Case @case) => string.Join(
        ' ',
        new[] { @case.Number.ToString(), @case.Title, @case.ExternalReference }
            .Concat(@case.Parties.Select(party => party.Name))
            .Concat(@case.Rights.Select(right => right.Number))
            .Where(part => !string.IsNullOrEmpty(part)))
        .ToLowerInvariant();
}
