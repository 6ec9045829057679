namespace Cases.Workflows.Persistence;

/// <summary>An IPC class (or class prefix) within a centre's fast-track pre-examination scope.</summary>
public sealed class CentreTechnicalScope
{
    public string CentreCode { get; init; } = string.Empty;

    public string IpcClass { get; init; } = string.Empty;
}

/// <summary>An applicant registered with a centre for fast-track pre-examination (备案申请人).</summary>
public sealed class CentreRegisteredApplicant
{
    public string CentreCode { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? Identifier { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>A recorded link (利害关系) between a mediator or arbitrator and a party.</summary>
public sealed class ConflictLink
{
    public Guid Id { get; init; }

    public string Person { get; init; } = string.Empty;

    public string PartyName { get; init; } = string.Empty;

    public string Relationship { get; init; } = string.Empty;

    public DateTimeOffset RecordedAt { get; init; }

    public string RecordedBy { get; init; } = string.Empty;
}
