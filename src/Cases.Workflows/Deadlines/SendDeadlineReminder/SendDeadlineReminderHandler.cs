using Cases.Domain.Access;
using Cases.Domain.Deadlines;
using Cases.Workflows.Deadlines.ExpireDeadline;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.SendDeadlineReminder;

/// <summary>Reminds the responsible centre's case handlers that a time limit is near.</summary>
public sealed class SendDeadlineReminderHandler(CasesDbContext database, TimeProvider time)
    : IRequestHandler<SendDeadlineReminderCommand, DeadlineTimerOutcome>
{
    public async Task<DeadlineTimerOutcome> Handle(SendDeadlineReminderCommand command, CancellationToken cancellationToken)
    {
        var deadline = await database.Deadlines.FirstOrDefaultAsync(candidate => candidate.Id == command.DeadlineId, cancellationToken)
            ?? throw new NotFoundException("Deadline", command.DeadlineId.ToString());
        var now = time.GetUtcNow();
        var outcome = deadline.Remind(command.RemindAt, new DeadlineCause(now, ExpireDeadlineHandler.Timer.Name, "The reminder time came."));
        if (outcome == DeadlineTimerOutcome.TookEffect)
        {
            database.Outbox.Add(DeadlineNotices.For(DeadlineNotices.Reminder, deadline, deadline.Centre, Role.CaseHandler, now));
        }

        return outcome;
    }
}
