namespace Cases.Domain.Cases;

/// <summary>
/// An action was asked of a case in a state it cannot be taken from. Never a silent no-op: the
/// message says where the case is and where the action can be taken.
/// </summary>
public sealed class CaseActionNotAllowedException(CaseId caseId, string action, CaseState state, IEnumerable<CaseState> allowedFrom)
    : Exception($"Action '{action}' cannot be taken while case {caseId} is in state '{state}'; it can be taken only from {string.Join(", ", allowedFrom.Select(from => $"'{from}'"))}.")
{
    public CaseId CaseId { get; } = caseId;

    public string Action { get; } = action;

    public CaseState State { get; } = state;
}
