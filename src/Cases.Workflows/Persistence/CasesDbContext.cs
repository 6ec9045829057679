using System.Text;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Clocks;
using Cases.Domain.Deadlines;
using Cases.Domain.Enterprises;
using Cases.Workflows.Persistence.Configurations;
using Cases.Workflows.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Persistence;

/// <summary>
/// The unit of work over the schema that <c>migrations/</c> creates. The model is mapped onto that
/// schema (snake_case names) and never creates or changes it. Identity's accounts live here too, so
/// that an account change and its audit entry share one transaction.
/// </summary>
public sealed class CasesDbContext : IdentityDbContext<CasesUser, IdentityRole<Guid>, Guid>
{
    public CasesDbContext(DbContextOptions<CasesDbContext> options)
        : base(options)
    {
        SavingChanges += AddRecordedEvents;
        SavedChanges += ForgetRecordedEvents;
    }

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseClockOperation> ClockOperations => Set<CaseClockOperation>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<DeadlineChange> DeadlineChanges => Set<DeadlineChange>();

    public DbSet<DeadlineRuleOverride> DeadlineRuleOverrides => Set<DeadlineRuleOverride>();

    public DbSet<ProtectionCentre> Centres => Set<ProtectionCentre>();

    public DbSet<CentreTechnicalScope> TechnicalScopes => Set<CentreTechnicalScope>();

    public DbSet<CentreRegisteredApplicant> RegisteredApplicants => Set<CentreRegisteredApplicant>();

    public DbSet<ConflictLink> ConflictLinks => Set<ConflictLink>();

    public DbSet<CaseQueueRow> CaseQueue => Set<CaseQueueRow>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<KeyEnterprise> Enterprises => Set<KeyEnterprise>();

    /// <summary>One storage rule per type, instead of one per property: typed ids and enums by name.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<CaseId>().HaveConversion<CaseIdConverter>();
        configurationBuilder.Properties<CentreCode>().HaveConversion<CentreCodeConverter>();
        configurationBuilder.Properties<DeadlineId>().HaveConversion<DeadlineIdConverter>();
        configurationBuilder.Properties<EnterpriseId>().HaveConversion<EnterpriseIdConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        AccessConfiguration.Apply(modelBuilder);
        modelBuilder.ApplyConfiguration(new ProtectionCentreConfiguration());
        modelBuilder.ApplyConfiguration(new KeyEnterpriseConfiguration());
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyConfiguration(new CaseEventConfiguration());
        modelBuilder.ApplyConfiguration(new CaseQueueRowConfiguration());
        modelBuilder.ApplyConfiguration(new CaseClockOperationConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineChangeConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineRuleOverrideConfiguration());
        modelBuilder.ApplyConfiguration<CentreTechnicalScope>(new RegistryConfiguration());
        modelBuilder.ApplyConfiguration<CentreRegisteredApplicant>(new RegistryConfiguration());
        modelBuilder.ApplyConfiguration<ConflictLink>(new RegistryConfiguration());

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.GetColumnName()));
            }
        }
    }

    /// <summary>
    /// A case's recorded timeline entries and clock operations are stored by the same SaveChanges, hence in the same
    /// transaction as the change they describe, whichever SaveChanges overload is called.
    /// </summary>
    private void AddRecordedEvents(object? sender, SavingChangesEventArgs arguments)
    {
        foreach (var entry in ChangeTracker.Entries<Case>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Property(CaseConfiguration.SearchText).CurrentValue = CaseConfiguration.SearchTextOf(entry.Entity);
            }

            CaseEvents.AddRange(entry.Entity.RecordedEvents);
            ClockOperations.AddRange(entry.Entity.RecordedClockOperations);
        }

        foreach (var entry in ChangeTracker.Entries<Deadline>().ToList())
        {
            DeadlineChanges.AddRange(entry.Entity.RecordedChanges);
        }
    }

    private void ForgetRecordedEvents(object? sender, SavedChangesEventArgs arguments)
    {
        foreach (var entry in ChangeTracker.Entries<Case>())
        {
            entry.Entity.ForgetRecordedEvents();
        }

        foreach (var entry in ChangeTracker.Entries<Deadline>())
        {
            entry.Entity.ForgetRecordedChanges();
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (char.IsUpper(character))
            {
                if (index > 0 && name[index - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(character));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
