using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cases.Workflows.Idempotency;

/// <summary>
/// Claims the request's idempotency key as the first thing inside the command's transaction and
/// stores the response just before the commit (ADR 0014). The key's primary key does the
/// coordination: a concurrent duplicate's insert waits until the first attempt's transaction ends,
/// then either finds the committed key (and replays its response) or, if that attempt rolled back,
/// claims the key itself. A key is therefore consumed only by a command that committed.
/// </summary>
public sealed class IdempotencyKeys(CasesDbContext database, IdempotentRequest request, TimeProvider timeProvider) : ITransactionParticipant
{
    /// <summary>How long a key is remembered; an older one is forgotten and may be used afresh.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// How many expired keys each claim deletes: a little each time keeps the table a day long
    /// without a job of its own, and SKIP LOCKED keeps claims from ever waiting on each other's purge.
    /// </summary>
    private const int PurgedPerClaim = 20;

    public async Task BeginAsync(object command, CancellationToken cancellationToken)
    {
        if (request.Key is not { } key || request.Claimed)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var expiredBefore = now - Lifetime;
        await using var batch = new NpgsqlBatch(Connection(), Transaction())
        {
            BatchCommands =
            {
                Command(
                    """
                    DELETE FROM idempotency_keys WHERE (user_id, key) IN (
                        SELECT user_id, key FROM idempotency_keys WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                    """,
                    Parameter(expiredBefore),
                    Parameter(PurgedPerClaim)),
                // An expired key still there (not yet purged) is taken over as if it were new.
                Command(
                    """
                    INSERT INTO idempotency_keys AS existing (user_id, key, request_fingerprint, created_at) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (user_id, key) DO UPDATE SET
                        request_fingerprint = EXCLUDED.request_fingerprint, created_at = EXCLUDED.created_at,
                        response_status = NULL, response_location = NULL, response_content_type = NULL, response_body = NULL
                    WHERE existing.created_at < $5
                    RETURNING true
                    """,
                    Parameter(request.UserId),
                    Parameter(key),
                    new NpgsqlParameter { Value = request.Fingerprint, NpgsqlDbType = NpgsqlDbType.Bytea },
                    Parameter(now),
                    Parameter(expiredBefore)),
                Command(
                    "SELECT request_fingerprint, response_status, response_location, response_content_type, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2",
                    Parameter(request.UserId),
                    Parameter(key)),
            },
        };

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            request.Claimed = true;
            return;
        }

        // Not claimed: someone's committed attempt holds the key. (The statement above waited for it to end.)
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Only an expired key purged between the two statements by someone else's claim ends up here.
            throw new ConflictException("The idempotency key changed hands at the same time. Try again.");
        }

        var fingerprint = (byte[])reader[0];
        if (!fingerprint.AsSpan().SequenceEqual(request.Fingerprint))
        {
            throw new IdempotencyKeyReusedException(key);
        }

        if (reader.IsDBNull(1))
        {
            // The response is stored in the same transaction that inserted the key, so a committed key always has one.
            throw new InvalidOperationException($"The idempotency key '{key}' was committed without its response.");
        }

        throw new IdempotentReplayException(new StoredResponse(
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4)));
    }

    public async Task BeforeCommitAsync(object command, object? result, CancellationToken cancellationToken)
    {
        if (!request.Claimed || request.Respond is not { } respond)
        {
            return;
        }

        var response = await respond(result, cancellationToken);
        await using var update = new NpgsqlCommand(
            """
            UPDATE idempotency_keys SET response_status = $3, response_location = $4, response_content_type = $5, response_body = $6
            WHERE user_id = $1 AND key = $2
            """,
            Connection(),
            Transaction())
        {
            Parameters =
            {
                Parameter(request.UserId),
                Parameter(request.Key!),
                Parameter(response.Status),
                Parameter(response.Location),
                Parameter(response.ContentType),
                Parameter(response.Body),
            },
        };
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"The idempotency key '{request.Key}' claimed by this transaction is gone.");
        }
    }

    private NpgsqlConnection Connection() => (NpgsqlConnection)database.Database.GetDbConnection();

    private NpgsqlTransaction Transaction() =>
        (NpgsqlTransaction)(database.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Idempotency keys are claimed inside a command's transaction only."));

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Parameter<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    private static NpgsqlParameter Parameter(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
