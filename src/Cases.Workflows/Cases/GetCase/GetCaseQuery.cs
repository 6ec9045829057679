using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.GetCase;

/// <summary>One case with its parties and rights (案件详情), as the caller's audience sees it.</summary>
public sealed record GetCaseQuery(CaseId CaseId) : IQuery<AudienceCaseView>, ICaseQuery;
