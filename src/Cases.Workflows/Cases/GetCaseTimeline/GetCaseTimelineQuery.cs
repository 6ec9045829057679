using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.GetCaseTimeline;

/// <summary>Every recorded change of a case, oldest first (案件记录).</summary>
public sealed record GetCaseTimelineQuery(CaseId CaseId) : IQuery<CaseTimelineView>, ICaseQuery;

public sealed record CaseTimelineView(Guid CaseId, string Number, IReadOnlyList<CaseEventView> Events);

public sealed record CaseEventView(int Sequence, string Type, DateTimeOffset OccurredAt, string Actor, string? Reason, IReadOnlyDictionary<string, string?> Data);
