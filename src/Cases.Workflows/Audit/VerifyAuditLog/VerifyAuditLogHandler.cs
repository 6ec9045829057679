using Cases.Domain.Access;
using Cases.Workflows.Pipeline;
using MediatR;
using Npgsql;

namespace Cases.Workflows.Audit.VerifyAuditLog;

/// <summary>
/// Reads the entries in sequence order as a stream, one row at a time, keeping only the previous
/// entry's hash: memory stays flat however long the log. One statement reads one snapshot, so
/// entries appended meanwhile are simply not part of this walk.
/// </summary>
public sealed class VerifyAuditLogHandler(NpgsqlDataSource dataSource, ICurrentActor currentActor)
    : IRequestHandler<VerifyAuditLogQuery, AuditLogVerification>
{
    public async Task<AuditLogVerification> Handle(VerifyAuditLogQuery query, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.SystemAdmin], "Verifying the audit log");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {AuditLogRows.Columns} FROM audit_log ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        long entries = 0;
        long previousSequence = 0;
        var previousHash = AuditHash.Genesis.ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = AuditLogRows.Read(reader);
            var bad = entry switch
            {
                _ when entry.Sequence != previousSequence + 1 => new BadAuditEntry(previousSequence + 1, $"sequence gap after {previousSequence}"),
                _ when !AuditHash.Compute(entry).AsSpan().SequenceEqual(entry.Hash) => new BadAuditEntry(entry.Sequence, "hash does not match its contents"),
                _ when !entry.PreviousHash.AsSpan().SequenceEqual(previousHash) => new BadAuditEntry(entry.Sequence, $"previous hash does not match entry {previousSequence}"),
                _ => null,
            };
            if (bad is not null)
            {
                return new AuditLogVerification(false, entries, null, null, bad);
            }

            entries++;
            previousSequence = entry.Sequence;
            previousHash = entry.Hash;
        }

        return entries == 0
            ? new AuditLogVerification(true, 0, null, null, null)
            : new AuditLogVerification(true, entries, previousSequence, Convert.ToHexStringLower(previousHash), null);
    }
}
