namespace Cases.Workflows.Persistence;

/// <summary>A read-only row of the <c>cases</c> table as the triage queue lists and filters it.</summary>
public sealed class CaseQueueRow
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public string CentreCode { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string State { get; init; } = string.Empty;

    public string WorkflowId { get; init; } = string.Empty;

    public int WorkflowVersion { get; init; }

    public string HandlingCentreCode { get; init; } = string.Empty;

    public string? ReferredToCentreCode { get; init; }

    /// <summary>The key enterprise the case belongs to, for direct-channel cases.</summary>
    public Guid? EnterpriseId { get; init; }

    public string Title { get; init; } = string.Empty;

    public bool Priority { get; init; }

    public string? ExternalReference { get; init; }

    public DateTimeOffset FiledAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }

    public string SearchText { get; init; } = string.Empty;
}
