using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cases.Workflows.Persistence.Migrations;

/// <summary>
/// Applies pending migrations: each file in its own transaction, recorded with its checksum in
/// <c>schema_migrations</c>, all under a PostgreSQL advisory lock so nodes starting together
/// apply each file once. A file changed after it was applied is refused by name.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // An arbitrary constant that names "Cases schema migrations" among advisory locks.
    private const long AdvisoryLockKey = 0x0CA5E5_5C4E3A;

    public Task<IReadOnlyList<MigrationScript>> ApplyAsync(CancellationToken cancellationToken) =>
        ApplyAsync(MigrationScript.Embedded(), cancellationToken);

    /// <summary>Applies the scripts not yet applied and returns them.</summary>
    public async Task<IReadOnlyList<MigrationScript>> ApplyAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            foreach (var script in scripts.Where(script => applied.ContainsKey(script.Version)))
            {
                var (name, checksum) = applied[script.Version];
                if (checksum != script.Checksum || name != script.Name)
                {
                    throw new MigrationException(
                        $"Migration {script.Name} was changed after it was applied (applied as {name}, checksum {checksum[..12]}…; the file now has {script.Checksum[..12]}…). " +
                        "Applied migrations are forward-only: restore the file and add a new numbered migration instead.");
                }
            }

            var pending = scripts.Where(script => !applied.ContainsKey(script.Version)).OrderBy(script => script.Version).ToList();
            foreach (var script in pending)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                try
                {
                    await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await ExecuteAsync(connection, "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)", cancellationToken,
                        ("version", script.Version), ("name", script.Name), ("checksum", script.Checksum));
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (PostgresException exception)
                {
                    throw new MigrationException($"Migration {script.Name} failed and was rolled back: {exception.MessageText} (SQLSTATE {exception.SqlState}).");
                }

                LogApplied(logger, script.Name);
            }

            return pending;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
