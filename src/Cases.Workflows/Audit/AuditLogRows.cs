using Npgsql;

namespace Cases.Workflows.Audit;

/// <summary>Reading <c>audit_log</c> rows: the columns in the order <see cref="Read"/> expects them.</summary>
internal static class AuditLogRows
{
    public const string Columns = "sequence, recorded_at, kind, actor, user_id, source_address, subject, summary, previous_hash, hash";

    public static AuditEntry Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero),
        Enum.Parse<AuditKind>(reader.GetString(2)),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetGuid(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetString(7),
        reader.GetFieldValue<byte[]>(8),
        reader.GetFieldValue<byte[]>(9));
}
