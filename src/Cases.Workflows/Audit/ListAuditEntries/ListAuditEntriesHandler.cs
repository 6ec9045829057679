using Cases.Domain.Access;
using Cases.Workflows.Pipeline;
using MediatR;
using Npgsql;
using NpgsqlTypes;

namespace Cases.Workflows.Audit.ListAuditEntries;

public sealed class ListAuditEntriesHandler(NpgsqlDataSource dataSource, ICurrentActor currentActor)
    : IRequestHandler<ListAuditEntriesQuery, AuditEntryPage>
{
    public async Task<AuditEntryPage> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.SystemAdmin], "Reading the audit log");
        var limit = query.Limit ?? ListAuditEntriesQuery.DefaultLimit;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One more row than asked for says whether there is a next page.
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {AuditLogRows.Columns} FROM audit_log
            WHERE ($1::text IS NULL OR subject = $1)
              AND ($2::text IS NULL OR kind = $2)
              AND ($3::timestamptz IS NULL OR recorded_at > $3)
              AND ($4::bigint IS NULL OR sequence < $4)
            ORDER BY sequence DESC
            LIMIT $5
            """,
            connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = (object?)query.Subject ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)query.Kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)query.After?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                new NpgsqlParameter { Value = limit + 1 },
            },
        };
        var entries = new List<AuditEntryView>(Math.Min(limit, 64));
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (entries.Count == limit)
            {
                more = true;
                break;
            }

            var entry = AuditLogRows.Read(reader);
            entries.Add(new AuditEntryView(entry.Sequence, entry.RecordedAt, entry.Kind.ToString(), entry.Actor, entry.UserId, entry.SourceAddress, entry.Subject, entry.Summary, Convert.ToHexStringLower(entry.Hash)));
        }

        return new AuditEntryPage(entries, more ? entries[^1].Sequence : null);
    }
}
