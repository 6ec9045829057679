namespace Cases.Workflows.Audit;

/// <summary>One stored entry of the audit log (审计日志条目): the record, where it sits in the chain, and its hashes.</summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset RecordedAt,
    AuditKind Kind,
    string Actor,
    Guid? UserId,
    string? SourceAddress,
    string? Subject,
    string Summary,
    byte[] PreviousHash,
    byte[] Hash);
