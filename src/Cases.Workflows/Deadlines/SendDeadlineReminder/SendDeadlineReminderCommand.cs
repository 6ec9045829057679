using Cases.Domain.Deadlines;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Deadlines.SendDeadlineReminder;

/// <summary>
/// A timer says a deadline's reminder time (期限提醒) came at <see cref="RemindAt"/>. Idempotent:
/// nothing happens if the reminder was sent, or the deadline was met, paused or moved since.
/// </summary>
public sealed record SendDeadlineReminderCommand(DeadlineId DeadlineId, DateTimeOffset RemindAt) : ICommand<DeadlineTimerOutcome>;
