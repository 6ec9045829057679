using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cases.Workflows.Calendars;

/// <summary>
/// Puts every shipped calendar year the database lacks into it, at start-up. Idempotent, and safe
/// when nodes start together: one transaction under the calendars' exclusive advisory lock, and
/// <c>ON CONFLICT DO NOTHING</c>. A year already in the database is never overwritten: days an
/// administrator recorded since stay as they are.
/// </summary>
public sealed partial class CalendarLoader(NpgsqlDataSource dataSource, TimeProvider time, ILogger<CalendarLoader> logger)
{
    public const string LoadedBy = "system";

    /// <summary>Loads the missing shipped years; returns them as "Mainland 2026" and the like.</summary>
    public async Task<IReadOnlyList<string>> LoadShippedYearsAsync(CancellationToken cancellationToken)
    {
        var loaded = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", CalendarRegistry.AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        foreach (var file in ShippedCalendars.All)
        {
            await using var insertYear = new NpgsqlCommand(
                "INSERT INTO calendar_years (calendar, year, source, loaded_at, loaded_by) VALUES (@calendar, @year, @source, @at, @by) ON CONFLICT DO NOTHING",
                connection, transaction);
            insertYear.Parameters.AddWithValue("calendar", file.Calendar.ToString());
            insertYear.Parameters.AddWithValue("year", file.Year);
            insertYear.Parameters.AddWithValue("source", file.Source);
            insertYear.Parameters.AddWithValue("at", now);
            insertYear.Parameters.AddWithValue("by", LoadedBy);
            if (await insertYear.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                continue;
            }

            await using var insertDays = new NpgsqlCommand(
                """
                INSERT INTO calendar_days (calendar, year, date, kind, name, recorded_at, recorded_by, reason)
                SELECT @calendar, @year, day.date, day.kind, day.name, @at, @by, @reason
                FROM unnest(@dates, @kinds, @names) AS day (date, kind, name)
                ON CONFLICT DO NOTHING
                """,
                connection, transaction);
            insertDays.Parameters.AddWithValue("calendar", file.Calendar.ToString());
            insertDays.Parameters.AddWithValue("year", file.Year);
            insertDays.Parameters.AddWithValue("at", now);
            insertDays.Parameters.AddWithValue("by", LoadedBy);
            insertDays.Parameters.AddWithValue("reason", $"shipped calendar file {file.FileName}");
            insertDays.Parameters.AddWithValue("dates", file.Days.Select(day => day.Date).ToArray());
            insertDays.Parameters.AddWithValue("kinds", file.Days.Select(day => day.Kind.ToString()).ToArray());
            insertDays.Parameters.AddWithValue("names", file.Days.Select(day => day.Name).ToArray());
            await insertDays.ExecuteNonQueryAsync(cancellationToken);
            loaded.Add($"{file.Calendar} {file.Year}");
        }

        if (loaded.Count > 0)
        {
            await using var bump = new NpgsqlCommand("UPDATE calendar_revision SET revision = revision + 1", connection, transaction);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (loaded.Count > 0)
        {
            LogLoaded(logger, string.Join(", ", loaded));
        }

        return loaded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendars loaded from the shipped files: {Years}")]
    private static partial void LogLoaded(ILogger logger, string years);
}
