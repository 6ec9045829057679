using System.Text;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cases.Workflows.Audit;

/// <summary>
/// The audit log in PostgreSQL's <c>audit_log</c> (migration 0009). Appending takes a
/// transaction-level advisory lock, reads the last entry and inserts the next one chained to it,
/// so writers on every node form one chain without gaps or forks. The lock is held until the
/// transaction ends, which is why a change's entry is appended as late as possible, just before
/// its commit.
/// </summary>
public sealed class PostgresAuditTrail(CasesDbContext database, NpgsqlDataSource dataSource, TimeProvider time) : IAuditTrail
{
    /// <summary>An arbitrary constant that names "Cases audit log" among advisory locks.</summary>
    public const long AdvisoryLockKey = 0x0CA5E5_A0D17;

    /// <summary>Longest text kept in an entry's field; anything longer is cut, so a huge typed username cannot bloat the log.</summary>
    public const int MaximumFieldLength = 1000;

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (database.Database.CurrentTransaction is { } current)
        {
            var connection = (NpgsqlConnection)database.Database.GetDbConnection();
            await AppendAsync(connection, (NpgsqlTransaction)current.GetDbTransaction(), record, cancellationToken);
            return;
        }

        // An entry of its own (a read, a failed sign-in) is written even if the caller hangs up
        // meanwhile: disconnecting must not be a way to leave no trace.
        await using var ownConnection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await ownConnection.BeginTransactionAsync(CancellationToken.None);
        await AppendAsync(ownConnection, transaction, record, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        var actor = Storable(record.Actor);
        var sourceAddress = StorableOrNull(record.SourceAddress);
        var subject = StorableOrNull(record.Subject);
        var summary = Storable(record.Summary);

        // One round trip: the lock, then (a statement later, so seeing every entry committed before
        // the lock was granted) the last entry.
        long lastSequence = 0;
        var previousHash = AuditHash.Genesis.ToArray();
        await using (var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter { Value = AdvisoryLockKey } } },
                new NpgsqlBatchCommand("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"),
            },
        })
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                lastSequence = reader.GetInt64(0);
                previousHash = reader.GetFieldValue<byte[]>(1);
            }
        }

        // Read after the lock, so entries' times follow their sequence on each node's clock.
        var recordedAt = AuditHash.ToStoredPrecision(time.GetUtcNow());
        var sequence = lastSequence + 1;
        var hash = AuditHash.Compute(sequence, recordedAt, record.Kind, actor, record.UserId, sourceAddress, subject, summary, previousHash);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO audit_log (sequence, recorded_at, kind, actor, user_id, source_address, subject, summary, previous_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = sequence },
                new NpgsqlParameter { Value = recordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = record.Kind.ToString() },
                new NpgsqlParameter { Value = actor },
                new NpgsqlParameter { Value = (object?)record.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                new NpgsqlParameter { Value = (object?)sourceAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)subject ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = summary },
                new NpgsqlParameter { Value = previousHash },
                new NpgsqlParameter { Value = hash },
            },
        };
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Text as PostgreSQL stores it and reads it back, so the hash computed now matches the one
    /// computed on verification: no NUL (PostgreSQL refuses it), no unpaired surrogate (not UTF-8),
    /// and bounded in length.
    /// </summary>
    internal static string Storable(string text)
    {
        var bounded = text.Length > MaximumFieldLength ? text[..MaximumFieldLength] : text;
        var wellFormed = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(bounded));
        return wellFormed.Replace('\0', '\uFFFD');
    }

    private static string? StorableOrNull(string? text) => text is null ? null : Storable(text);
}
