namespace Cases.Domain.Cases;

/// <summary>A change was made against an out-of-date version of the case: someone else changed it first.</summary>
public sealed class CaseVersionConflictException(CaseId caseId, int expectedVersion, int currentVersion)
    : Exception($"Case {caseId} is at version {currentVersion}, not {expectedVersion}: someone else changed it. Reload the case and try again.")
{
    public CaseId CaseId { get; } = caseId;

    public int ExpectedVersion { get; } = expectedVersion;

    public int CurrentVersion { get; } = currentVersion;
}
