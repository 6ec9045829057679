using Cases.Workflows.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>The migration runner against empty databases of its own.</summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly List<string> databases = [];

    [Fact]
    public async Task Applies_every_migration_once_and_records_its_checksum()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        var runner = Runner(dataSource);

        var first = await runner.ApplyAsync(CancellationToken.None);
        var second = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(MigrationScript.Embedded().Select(script => script.Name), first.Select(script => script.Name));
        Assert.Empty(second);
        await using var command = dataSource.CreateCommand("SELECT name, checksum FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        foreach (var script in MigrationScript.Embedded())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(script.Name, reader.GetString(0));
            Assert.Equal(script.Checksum, reader.GetString(1));
        }

        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_changed_applied_migration_is_refused_by_name()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        var runner = Runner(dataSource);
        await runner.ApplyAsync(CancellationToken.None);
        var scripts = MigrationScript.Embedded().ToList();
        scripts[0] = scripts[0] with { Sql = scripts[0].Sql + "\n-- edited after release\n" };
        scripts[0] = MigrationScript.FromFile(scripts[0].Name, scripts[0].Sql);

        var refusal = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync(scripts, CancellationToken.None));

        Assert.Contains("0001_initial.sql", refusal.Message);
        Assert.Contains("changed after it was applied", refusal.Message);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        var runner = Runner(dataSource);
        var broken = MigrationScript.FromFile("0999_broken.sql", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;");

        var failure = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync([.. MigrationScript.Embedded(), broken], CancellationToken.None));

        Assert.Contains("0999_broken.sql", failure.Message);
        await using var command = dataSource.CreateCommand("SELECT to_regclass('half_done') IS NULL AND NOT EXISTS (SELECT 1 FROM schema_migrations WHERE version = 999)");
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Nodes_starting_together_apply_each_migration_once()
    {
        await using var dataSource = await EmptyDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner(dataSource).ApplyAsync(CancellationToken.None))));

        Assert.Equal(MigrationScript.Embedded().Count, results.Sum(applied => applied.Count));
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)MigrationScript.Embedded().Count, (long)(await command.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData("1_initial.sql")]
    [InlineData("0002-add-things.sql")]
    [InlineData("0002_Add.sql")]
    public void Badly_named_migration_files_are_refused(string fileName)
    {
        var refusal = Assert.Throws<MigrationException>(() => MigrationScript.FromFile(fileName, "SELECT 1"));

        Assert.Contains(fileName, refusal.Message);
    }

    [Fact]
    public async Task The_timeline_is_append_only_in_the_database_itself()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        await Runner(dataSource).ApplyAsync(CancellationToken.None);
        await using (var setup = dataSource.CreateCommand("""
            INSERT INTO protection_centres VALUES ('GD', 'GD', 'Guangdong', now());
            INSERT INTO cases (id, number, centre_code, kind, state, title, filed_at, filed_by, updated_at, version, workflow_id, workflow_version, handling_centre_code)
                VALUES ('00000000-0000-0000-0000-000000000001', 'GD-2026-000001', 'GD', 'Mediation', 'Filed', 't', now(), 'x', now(), 1, 'mediation-arbitration', 1, 'GD');
            INSERT INTO case_events (case_id, sequence, type, occurred_at, actor) VALUES ('00000000-0000-0000-0000-000000000001', 1, 'CaseFiled', now(), 'x');
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using var update = dataSource.CreateCommand("UPDATE case_events SET actor = 'someone else'");
        await using var delete = dataSource.CreateCommand("DELETE FROM case_events");

        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await TestDatabases.DropAsync(database);
        }
    }

    [Fact]
    public async Task Cases_filed_before_workflows_existed_are_pinned_to_version_1_of_their_kind()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        var runner = Runner(dataSource);
        await runner.ApplyAsync([MigrationScript.Embedded()[0]], CancellationToken.None);
        await using (var setup = dataSource.CreateCommand("""
            INSERT INTO protection_centres (code, region, name, created_at) VALUES ('GD', 'GD', 'Guangdong', now());
            INSERT INTO cases (id, number, centre_code, kind, state, title, filed_at, filed_by, updated_at, version) VALUES
                ('00000000-0000-0000-0000-000000000001', 'GD-2026-000001', 'GD', 'RightsDefence', 'Filed', 't', now(), 'x', now(), 1),
                ('00000000-0000-0000-0000-000000000002', 'GD-2026-000002', 'GD', 'FastTrackPreExamination', 'Filed', 't', now(), 'x', now(), 1),
                ('00000000-0000-0000-0000-000000000003', 'GD-2026-000003', 'GD', 'Arbitration', 'Filed', 't', now(), 'x', now(), 1);
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await runner.ApplyAsync(CancellationToken.None);

        await using var command = dataSource.CreateCommand("SELECT workflow_id || ' v' || workflow_version || ' ' || handling_centre_code FROM cases ORDER BY number");
        await using var reader = await command.ExecuteReaderAsync();
        var pins = new List<string>();
        while (await reader.ReadAsync())
        {
            pins.Add(reader.GetString(0));
        }

        Assert.Equal(["rights-defence v1 GD", "fast-track-pre-examination v1 GD", "mediation-arbitration v1 GD"], pins);
    }

    private static MigrationRunner Runner(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<MigrationRunner>.Instance);

    private async Task<NpgsqlDataSource> EmptyDatabaseAsync()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        databases.Add(connectionString);
        return TestDatabases.DataSource(connectionString);
    }
}
