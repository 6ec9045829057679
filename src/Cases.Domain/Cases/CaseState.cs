namespace Cases.Domain.Cases;

/// <summary>
/// Where a case stands in its pipeline (案件状态): the name of a state of its workflow definition.
/// Every pipeline starts in <see cref="Filed"/>; the workflow engine moves the case on.
/// </summary>
public readonly record struct CaseState(string Name)
{
    public const int MaximumLength = 64;

    /// <summary>Received and waiting for triage (已收件，待分流).</summary>
    public static CaseState Filed { get; } = new("Filed");

    public override string ToString() => Name;
}
