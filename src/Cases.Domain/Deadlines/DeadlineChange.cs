using Cases.Domain.Cases;

namespace Cases.Domain.Deadlines;

/// <summary>
/// One recorded change of a deadline: who, when, what (the due time before and after) and why.
/// Stored in the same transaction as the change. <see cref="CaseSequence"/> links it to the case's
/// timeline entry when a workflow step caused it.
/// </summary>
public sealed record DeadlineChange(
    DeadlineId DeadlineId,
    CaseId CaseId,
    DateTimeOffset OccurredAt,
    string Actor,
    DeadlineChangeKind Kind,
    DateTimeOffset? DueBefore,
    DateTimeOffset? DueAfter,
    string Reason,
    int? CaseSequence);

public enum DeadlineChangeKind
{
    Started = 1,
    Paused = 2,
    Resumed = 3,
    Extended = 4,
    Recomputed = 5,
    Reminded = 6,
    MarkedOverdue = 7,
    Lapsed = 8,
    ExpiredByAction = 9,
    Met = 10,
    MetLate = 11,
}
