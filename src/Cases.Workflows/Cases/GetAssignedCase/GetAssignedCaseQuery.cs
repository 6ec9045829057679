using Cases.Domain.Cases;
using Cases.Workflows.Cases.ListAssignedCases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.GetAssignedCase;

/// <summary>
/// One of the caller's cases as mediator or arbitrator (我承办的案件), however long ago it closed,
/// as <see cref="ListAssignedCasesQuery"/> lists it. A case that is not the caller's by the
/// <see cref="AssignedCaseReader"/> rule is not found (404), like one outside the caller's scope.
/// </summary>
public sealed record GetAssignedCaseQuery(CaseId CaseId) : IQuery<AssignedCaseView>, ICaseQuery;
