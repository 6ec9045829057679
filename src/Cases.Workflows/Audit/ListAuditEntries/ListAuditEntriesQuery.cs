using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Audit.ListAuditEntries;

/// <summary>
/// Entries of the audit log (审计日志查询), newest first: optionally of one subject (e.g.
/// <c>case:…</c>), of one kind, recorded after an instant; <see cref="Before"/> (a sequence) pages
/// on from where the previous page ended.
/// </summary>
public sealed record ListAuditEntriesQuery(string? Subject, string? Kind, DateTimeOffset? After, long? Before, int? Limit) : IQuery<AuditEntryPage>
{
    public const int DefaultLimit = 50;
    public const int MaximumLimit = 500;
}

/// <summary>One page; <see cref="NextBefore"/> is the <c>before</c> of the next page, null on the last.</summary>
public sealed record AuditEntryPage(IReadOnlyList<AuditEntryView> Entries, long? NextBefore);

public sealed record AuditEntryView(long Sequence, DateTimeOffset RecordedAt, string Kind, string Actor, Guid? UserId, string? SourceAddress, string? Subject, string Summary, string Hash);
