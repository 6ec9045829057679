using System.Text.Json.Serialization;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Audit.VerifyAuditLog;

/// <summary>Walks the audit log's hash chain (审计日志校验) from the first entry to the last and reports the first entry that breaks it.</summary>
public sealed record VerifyAuditLogQuery : IQuery<AuditLogVerification>;

/// <summary>
/// Whether the chain is intact; <see cref="Entries"/> counts the entries found intact (all of them,
/// or those before the first bad one). <see cref="LastHash"/> is worth keeping outside the
/// database: a later verification that ends on an earlier entry shows the end of the log was cut.
/// </summary>
public sealed record AuditLogVerification(
    bool Intact,
    long Entries,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LastSequence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BadAuditEntry? FirstBadEntry);

/// <summary>Where the chain breaks and why.</summary>
public sealed record BadAuditEntry(long Sequence, string Reason);
