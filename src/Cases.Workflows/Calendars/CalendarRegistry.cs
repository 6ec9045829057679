using System.Data;
using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cases.Workflows.Calendars;

/// <summary>
/// The loaded calendars, cached per node and kept exact across nodes: each read inside a
/// transaction takes a shared lock on the calendar revision, so a calendar change (which takes it
/// exclusively) and a deadline computation never interleave, and a stale cache is reloaded first.
/// </summary>
public sealed class CalendarRegistry
{
    /// <summary>The advisory lock that names "Cases calendars": shared by readers, exclusive for changes.</summary>
    public const long AdvisoryLockKey = 0x0CA5E5_CA1E4D;

    private Snapshot? current;

    /// <summary>The current calendar of a kind, read within the context's current transaction.</summary>
    public async Task<WorkingCalendar> CalendarOfAsync(RegionCalendarKind kind, CasesDbContext database, CancellationToken cancellationToken) =>
        (await SnapshotAsync(database, exclusive: false, cancellationToken)).Calendars[kind];

    /// <summary>
    /// For a calendar change: takes the calendar lock exclusively until the caller's transaction
    /// ends, and returns the current calendar of the kind and the revision it belongs to. No
    /// deadline is computed on any node while the change is under way.
    /// </summary>
    public async Task<(WorkingCalendar Calendar, long Revision)> LockForChangeAsync(RegionCalendarKind kind, CasesDbContext database, CancellationToken cancellationToken)
    {
        if (database.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A calendar change must run in a transaction: the lock it takes lasts until the transaction ends.");
        }

        var snapshot = await SnapshotAsync(database, exclusive: true, cancellationToken);
        return (snapshot.Calendars[kind], snapshot.Revision);
    }

    /// <summary>Bumps the revision after a change (under the lock of <see cref="LockForChangeAsync"/>); returns the new revision.</summary>
    public async Task<long> RecordChangeAsync(CasesDbContext database, CancellationToken cancellationToken)
    {
        await using var command = CalendarDatabase.Command(database, "UPDATE calendar_revision SET revision = revision + 1 RETURNING revision");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<Snapshot> SnapshotAsync(CasesDbContext database, bool exclusive, CancellationToken cancellationToken)
    {
        await database.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var revision = await LockAndReadRevisionAsync(database, exclusive, cancellationToken);
            var snapshot = Volatile.Read(ref current);
            if (snapshot is not null && snapshot.Revision == revision)
            {
                return snapshot;
            }

            snapshot = await LoadAsync(database, revision, cancellationToken);
            // Two requests may reload at once: keep the newer.
            var seen = Volatile.Read(ref current);
            while ((seen is null || seen.Revision < snapshot.Revision) && Interlocked.CompareExchange(ref current, snapshot, seen) != seen)
            {
                seen = Volatile.Read(ref current);
            }

            return snapshot;
        }
        finally
        {
            await database.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> LockAndReadRevisionAsync(CasesDbContext database, bool exclusive, CancellationToken cancellationToken)
    {
        var (connection, transaction) = CalendarDatabase.ConnectionOf(database);
        if (transaction is null)
        {
            // Outside a transaction there is nothing to keep consistent with: just read.
            await using var read = new NpgsqlCommand("SELECT revision FROM calendar_revision", connection);
            return (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        // One round trip, two statements: the revision's snapshot is taken after the lock is held.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(exclusive ? "SELECT pg_advisory_xact_lock(@key)" : "SELECT pg_advisory_xact_lock_shared(@key)") { Parameters = { new NpgsqlParameter("key", AdvisoryLockKey) } },
                new NpgsqlBatchCommand("SELECT revision FROM calendar_revision"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    private static async Task<Snapshot> LoadAsync(CasesDbContext database, long revision, CancellationToken cancellationToken)
    {
        var years = Enum.GetValues<RegionCalendarKind>().ToDictionary(kind => kind, _ => new List<int>());
        var days = Enum.GetValues<RegionCalendarKind>().ToDictionary(kind => kind, _ => new List<CalendarDay>());
        await using (var command = CalendarDatabase.Command(database, "SELECT calendar, year FROM calendar_years"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                years[Enum.Parse<RegionCalendarKind>(reader.GetString(0))].Add(reader.GetInt32(1));
            }
        }

        await using (var command = CalendarDatabase.Command(database, "SELECT calendar, date, kind, name FROM calendar_days"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                days[Enum.Parse<RegionCalendarKind>(reader.GetString(0))].Add(
                    new CalendarDay(reader.GetFieldValue<DateOnly>(1), Enum.Parse<CalendarDayKind>(reader.GetString(2)), reader.GetString(3)));
            }
        }

        return new Snapshot(revision, years.ToDictionary(entry => entry.Key, entry => new WorkingCalendar(entry.Key, entry.Value, days[entry.Key])));
    }

    private sealed record Snapshot(long Revision, IReadOnlyDictionary<RegionCalendarKind, WorkingCalendar> Calendars);
}

/// <summary>Plain SQL on the context's connection, inside its current transaction if it has one.</summary>
internal static class CalendarDatabase
{
    public static (NpgsqlConnection Connection, NpgsqlTransaction? Transaction) ConnectionOf(CasesDbContext database)
    {
        var connection = (NpgsqlConnection)database.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection must be open.");
        }

        return (connection, (NpgsqlTransaction?)database.Database.CurrentTransaction?.GetDbTransaction());
    }

    public static NpgsqlCommand Command(CasesDbContext database, string sql, params (string Name, object? Value)[] parameters)
    {
        var (connection, transaction) = ConnectionOf(database);
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
