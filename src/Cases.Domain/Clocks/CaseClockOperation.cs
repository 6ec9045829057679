using Cases.Domain.Cases;

namespace Cases.Domain.Clocks;

/// <summary>
/// One operation on a case's clock, recorded with the timeline entry of the step that caused it
/// (same <see cref="Sequence"/>), so the legal-time engine can replay a clock's history.
/// </summary>
public sealed record CaseClockOperation(CaseId CaseId, int Sequence, int Ordinal, string Clock, ClockOperationKind Operation, DateTimeOffset OccurredAt);
