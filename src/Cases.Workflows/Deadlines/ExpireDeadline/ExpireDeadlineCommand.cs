using Cases.Domain.Deadlines;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Deadlines.ExpireDeadline;

/// <summary>
/// A timer says a deadline's time limit expired (期限届满) at <see cref="DueAt"/>. Idempotent: it
/// does nothing if the deadline was met, paused or moved since, or already expired.
/// </summary>
public sealed record ExpireDeadlineCommand(DeadlineId DeadlineId, DateTimeOffset DueAt) : ICommand<DeadlineTimerOutcome>;
