using Cases.Domain.Cases;
using Cases.Domain.Clocks;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Regions;
using Cases.Domain.Rights;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>The EF Core model maps onto the schema the SQL migrations create: every entity is written and read back.</summary>
public sealed class PersistenceModelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private string connectionString = string.Empty;

    public async Task InitializeAsync() => connectionString = await TestDatabases.CreateMigratedAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(connectionString);

    [Fact]
    public async Task Every_mapped_table_and_column_exists_in_the_migrated_schema()
    {
        await using var database = Context();
        var missing = new List<string>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        foreach (var entity in database.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? entity.GetViewName()!;
            foreach (var property in entity.GetProperties())
            {
                await using var command = dataSource.CreateCommand("SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2");
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = property.GetColumnName() });
                if (await command.ExecuteScalarAsync() is null)
                {
                    missing.Add($"{table}.{property.GetColumnName()}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_centre_a_case_with_parties_and_rights_and_its_timeline_are_written_and_read_back()
    {
        var centre = ProtectionCentre.Register(new CentreCode("GD-SZ"), Region.Guangdong, "Shenzhen centre", Now);
        var number = new CaseNumber(centre.Code, 2026, 17);
        var filing = new CaseFiling(
            CaseKind.Mediation,
            "Licence fee dispute",
            "Summary",
            Priority: true,
            ExternalReference: "REF-1",
            [
                new PartyDetails(PartyRole.Applicant, PartyKind.Organisation, "Applicant Ltd.", new ContactDetails("91440300MA5XXXXX", "a@example.com", "+86 755 1234", "Futian")),
                new PartyDetails(PartyRole.Respondent, PartyKind.Person, "Respondent Person", new ContactDetails(null, null, null, null)),
            ],
            [
                new RightDetails(IntellectualPropertyKind.DesignPatent, "202530012345." + PatentApplicationNumber.CheckDigitOf("202530012345"), "Lamp"),
                new RightDetails(IntellectualPropertyKind.Trademark, "12345678", null),
            ]);
        var filed = Case.File(CaseId.New(Now), number, filing, new WorkflowPin("mediation-arbitration", 1), CaseState.Filed, [new ClockOperation(ClockOperationKind.Start, "RespondentConsent")], new Actor("intake.officer"), Now);

        await using (var write = Context())
        {
            write.Centres.Add(centre);
            write.Cases.Add(filed);
            await write.SaveChangesAsync();
            filed.ChangePriority(false, "Not urgent", new Actor("supervisor"), Now.AddDays(1));
            await write.SaveChangesAsync();
        }

        await using var read = Context();
        var centreRead = await read.Centres.SingleAsync();
        var caseRead = await read.Cases.SingleAsync();
        var events = await read.CaseEvents.OrderBy(@event => @event.Sequence).ToListAsync();

        Assert.Equal(("GD-SZ", "GD", "Shenzhen centre", Now), (centreRead.Code.Value, centreRead.Region.Code, centreRead.Name, centreRead.CreatedAt));
        Assert.Equal("GD-SZ-2026-000017", caseRead.Number.ToString());
        Assert.Equal((CaseKind.Mediation, "Filed", "Licence fee dispute", "Summary", false, "REF-1", 2), (caseRead.Kind, caseRead.State.Name, caseRead.Title, caseRead.Summary, caseRead.Priority, caseRead.ExternalReference, caseRead.Version));
        Assert.Equal((Now, "intake.officer", Now.AddDays(1)), (caseRead.FiledAt, caseRead.FiledBy, caseRead.UpdatedAt));
        Assert.Equal(["Applicant Ltd.", "Respondent Person"], caseRead.Parties.OrderBy(party => party.Ordinal).Select(party => party.Name));
        var applicant = caseRead.Parties.Single(party => party.Ordinal == 1);
        Assert.Equal((PartyRole.Applicant, PartyKind.Organisation, "91440300MA5XXXXX", "a@example.com", "+86 755 1234", "Futian"), (applicant.Role, applicant.Kind, applicant.Identifier, applicant.Email, applicant.Phone, applicant.Address));
        Assert.Equal([IntellectualPropertyKind.DesignPatent, IntellectualPropertyKind.Trademark], caseRead.Rights.OrderBy(right => right.Ordinal).Select(right => right.Kind));
        Assert.Equal("Lamp", caseRead.Rights.Single(right => right.Ordinal == 1).Title);
        Assert.Equal([(1, CaseEventTypes.CaseFiled, "intake.officer", (string?)null), (2, CaseEventTypes.CasePriorityChanged, "supervisor", "Not urgent")],
            events.Select(@event => (@event.Sequence, @event.Type, @event.Actor, @event.Reason)));
        Assert.Equal("GD-SZ-2026-000017", events[0].Data["number"]);
        Assert.Equal("false", events[1].Data["priority"]);
        Assert.Contains("respondent person", await read.CaseQueue.Select(row => row.SearchText).SingleAsync());
    }

    private CasesDbContext Context() =>
        new(new DbContextOptionsBuilder<CasesDbContext>().UseNpgsql(connectionString).Options);
}

public sealed class CasesDataSourceTests
{
    [Fact]
    public void Defaults_a_small_pool_and_automatic_preparation()
    {
        var tuned = new NpgsqlConnectionStringBuilder(CasesDataSource.Tuned("Host=db;Username=cases;Database=cases"));

        Assert.Equal(4 * Environment.ProcessorCount, tuned.MaxPoolSize);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxPoolSize=50;MaxAutoPrepare=0")]
    public void Keeps_what_the_connection_string_says(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(CasesDataSource.Tuned(connectionString));

        Assert.Equal(50, tuned.MaxPoolSize);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
