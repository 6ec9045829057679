using System.Data.Common;
using Npgsql;

namespace Cases.Workflows.Persistence;

/// <summary>
/// Builds the application's PostgreSQL data source. Unless the connection string says otherwise:
/// a pool of 4 connections per core, because PostgreSQL spends more CPU per transaction
/// when more backends than cores contend for the same hot rows, and requests queue in the pool more
/// cheaply than backends do in the database; and automatic preparation of repeated statements, so
/// PostgreSQL stops parsing and planning the same filing statements again and again. Always: no
/// session reset when a connection returns to the pool, because the application keeps no session
/// state (the migration runner releases its advisory lock itself) and the reset cost a round trip
/// of seven statements on every checkout. The measurements behind these are in docs/benchmarks.md.
/// </summary>
public static class CasesDataSource
{
    public static NpgsqlDataSource Create(string connectionString) => new NpgsqlDataSourceBuilder(Tuned(connectionString)).Build();

    public static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Overlaps(["maximumpoolsize", "maxpoolsize"]))
        {
            settings.MaxPoolSize = 4 * Environment.ProcessorCount;
        }

        if (!given.Overlaps(["maxautoprepare"]))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        if (!given.Overlaps(["noresetonclose"]))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
