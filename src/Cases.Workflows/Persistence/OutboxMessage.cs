namespace Cases.Workflows.Persistence;

/// <summary>
/// A message for another centre or an outside body, stored in the same transaction as the step
/// that sends it (transactional outbox), so it is sent if and only if the step happened.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>The timeline entry of the step that sent the message; null for deadline notices, which no step causes.</summary>
    public int? Sequence { get; init; }

    public string Type { get; init; } = string.Empty;

    /// <summary>A centre code, or the name of an outside body such as CNIPA.</summary>
    public string Recipient { get; init; } = string.Empty;

    /// <summary>JSON: the case's number and the step's payload.</summary>
    public string Payload { get; init; } = "{}";

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; set; }
}
