using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Deadlines.GetCaseDeadlines;

/// <summary>Every deadline of a case, each with its explanation and the record of its changes.</summary>
public sealed record GetCaseDeadlinesQuery(CaseId CaseId) : IQuery<IReadOnlyList<CaseDeadlineView>>, ICaseQuery;

public sealed record CaseDeadlineView(DeadlineView Deadline, IReadOnlyList<DeadlineChangeView> Changes);
