using Cases.Workflows.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL databases for tests. The server comes from <c>CASES_DB</c> (set by
/// <c>./cases test</c>). Migrations are applied once to a template database named after their
/// checksums; each test class then gets its own copy (CREATE DATABASE … TEMPLATE), so classes run
/// in parallel without seeing each other's data.
/// </summary>
public static class TestDatabases
{
    private const long TemplateLockKey = 0x0CA5E5_7E57;
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CASES_DB")
        ?? throw new InvalidOperationException("CASES_DB is not set: run the tests with ./cases test, or set CASES_DB to a PostgreSQL role that may create databases.");

    /// <summary>A fresh, migrated database of its own; returns its connection string.</summary>
    public static async Task<string> CreateMigratedAsync()
    {
        var template = await Template.Value;
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionStringFor(name);
    }

    /// <summary>A fresh database with no tables at all, for migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static NpgsqlDataSource DataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, MaxPoolSize = 40 }.ConnectionString;

    private static string NewName() => "cases_test_" + Guid.NewGuid().ToString("N")[..20];

    private static async Task<string> CreateTemplateAsync()
    {
        var scripts = MigrationScript.Embedded();
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("|", scripts.Select(script => script.Name + ":" + script.Checksum)))))[..16];
        var template = $"cases_template_{fingerprint}";

        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        // Two test processes at once build the template once.
        await Execute(admin, $"SELECT pg_advisory_lock({TemplateLockKey})");
        try
        {
            if (await Exists(admin, template))
            {
                return template;
            }

            // Leftovers of earlier runs: older templates and databases of test processes that died.
            foreach (var stale in await Names(admin, "SELECT datname FROM pg_database WHERE datname LIKE 'cases\\_template\\_%' OR datname LIKE 'cases\\_test\\_%'"))
            {
                try
                {
                    await Execute(admin, $"DROP DATABASE IF EXISTS {stale}");
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    // In use by a test process that is still running: leave it.
                }
            }

            var building = template + "_building";
            await Execute(admin, $"DROP DATABASE IF EXISTS {building}");
            await Execute(admin, $"CREATE DATABASE {building}");
            var buildingConnection = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = building, Pooling = false }.ConnectionString;
            await using (var dataSource = NpgsqlDataSource.Create(buildingConnection))
            {
                await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(scripts, CancellationToken.None);
            }

            await Execute(admin, $"ALTER DATABASE {building} RENAME TO {template}");
            return template;
        }
        finally
        {
            await Execute(admin, $"SELECT pg_advisory_unlock({TemplateLockKey})");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(admin, sql);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // CREATE DATABASE … TEMPLATE needs the template to itself for a moment.
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> Exists(NpgsqlConnection connection, string database)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task<List<string>> Names(NpgsqlConnection connection, string sql)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
