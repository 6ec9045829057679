using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Common;
using Cases.Domain.Deadlines;
using Cases.Workflows.Engine.Runtime;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.ExpireDeadline;

/// <summary>
/// Takes effect on an expired deadline under its rule: marks it overdue and notifies the handling
/// centre's supervisors; closes a parties' window; or takes the procedure's own action (e.g. closing
/// a mediation application without the respondent's consent) as the system. If that action can no
/// longer be taken, the deadline is escalated as overdue instead, saying why.
/// </summary>
public sealed class ExpireDeadlineHandler(CasesDbContext database, WorkflowActionRunner runner, TimeProvider time)
    : IRequestHandler<ExpireDeadlineCommand, DeadlineTimerOutcome>
{
    /// <summary>Who acts when a time limit expires.</summary>
    public static readonly Actor Timer = new("system:deadlines");

    public async Task<DeadlineTimerOutcome> Handle(ExpireDeadlineCommand command, CancellationToken cancellationToken)
    {
        var deadline = await database.Deadlines.FirstOrDefaultAsync(candidate => candidate.Id == command.DeadlineId, cancellationToken)
            ?? throw new NotFoundException("Deadline", command.DeadlineId.ToString());
        var now = time.GetUtcNow();
        var outcome = deadline.Expire(command.DueAt, new DeadlineCause(now, Timer.Name, "The time limit expired."));
        if (outcome != DeadlineTimerOutcome.TookEffect)
        {
            return outcome;
        }

        switch (deadline.OnExpiry)
        {
            case DeadlineExpiry.TakeAction:
                await TakeExpiryActionAsync(deadline, now, cancellationToken);
                break;
            case DeadlineExpiry.Lapse:
                database.Outbox.Add(DeadlineNotices.For(DeadlineNotices.Lapsed, deadline, deadline.HandlingCentre, Role.CaseHandler, now));
                break;
            default:
                database.Outbox.Add(DeadlineNotices.For(DeadlineNotices.Overdue, deadline, deadline.HandlingCentre, Role.Supervisor, now));
                break;
        }

        return outcome;
    }

    private async Task TakeExpiryActionAsync(Deadline deadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var @case = await database.Cases.FirstAsync(candidate => candidate.Id == deadline.CaseId, cancellationToken);
        try
        {
            await runner.TakeAsync(@case, deadline.ExpiryAction!, payloadValues: null, Timer, authorise: null, cancellationToken,
                reason: $"The time limit '{deadline.Clock}' expired ({deadline.LastDay:yyyy-MM-dd}): {deadline.Source}");
        }
        catch (Exception exception) when (exception is CaseActionNotAllowedException or BusinessRuleValidationException or FluentValidation.ValidationException)
        {
            deadline.FallBackToOverdue(exception.Message, new DeadlineCause(now, Timer.Name, "The expiry action could not be taken."));
            database.Outbox.Add(DeadlineNotices.For(DeadlineNotices.Overdue, deadline, deadline.HandlingCentre, Role.Supervisor, now));
        }
    }
}
