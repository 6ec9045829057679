using Cases.Domain.Calendars;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Clocks;
using Cases.Domain.Deadlines;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cases.Workflows.Deadlines;

/// <summary>
/// Keeps each case's deadlines in step with its clocks, inside the command's transaction: the clock
/// operations a step recorded start, pause, resume, extend or stop the deadline of that clock, and
/// the deadline rows and their change records are saved by the same SaveChanges as the step. After
/// the commit it asks the timers to wake up when the new due and reminder times arrive.
/// Scoped: one per command.
/// </summary>
public sealed class DeadlineKeeper(CasesDbContext database, DeadlineRuleCatalog rules, CalendarRegistry calendars, IDeadlineTimers timers, TimeProvider time, ILogger<DeadlineKeeper> logger)
{
    private readonly Dictionary<RegionCalendarKind, WorkingCalendar> calendarsRead = [];
    private readonly HashSet<DateTimeOffset> wakeUps = [];

    /// <summary>Applies the clock operations of every case changed in this unit of work to its deadlines.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        var changed = database.ChangeTracker.Entries<Case>()
            .Select(entry => entry.Entity)
            .Where(@case => @case.RecordedClockOperations.Count > 0)
            .ToList();
        foreach (var @case in changed)
        {
            var deadlines = await database.Deadlines.Where(deadline => deadline.CaseId == @case.Id).ToListAsync(cancellationToken);
            foreach (var operation in @case.RecordedClockOperations)
            {
                await ApplyAsync(@case, deadlines, operation, cancellationToken);
            }
        }

        // A reminder moves no instant: the due time's wake-up was asked for when it was set. Asking
        // again after a late reminder (a sweep or a restart catching up) would store a new trigger
        // for an instant already past, which fires at once for nothing.
        foreach (var deadline in database.ChangeTracker.Entries<Deadline>().Select(entry => entry.Entity)
                     .Where(deadline => deadline.RecordedChanges.Any(change => change.Kind != DeadlineChangeKind.Reminded)))
        {
            Remember(deadline);
        }
    }

    /// <summary>After the commit: durable wake-ups for the due and reminder times just stored.</summary>
    public async Task ScheduleWakeUpsAsync(CancellationToken cancellationToken)
    {
        if (wakeUps.Count == 0)
        {
            return;
        }

        try
        {
            await timers.WakeAtAsync(wakeUps, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The deadlines are stored; the periodic sweep acts on them even without a wake-up.
            logger.LogWarning(exception, "Could not schedule {Count} deadline wake-ups; the sweep will catch them", wakeUps.Count);
        }
        finally
        {
            wakeUps.Clear();
        }
    }

    /// <summary>The calendar of a region's kind, read once per unit of work under the calendar lock.</summary>
    public async Task<WorkingCalendar> CalendarForAsync(string regionCode, CancellationToken cancellationToken)
    {
        var kind = Region.FromCode(regionCode).Calendar;
        if (!calendarsRead.TryGetValue(kind, out var calendar))
        {
            calendar = await calendars.CalendarOfAsync(kind, database, cancellationToken);
            calendarsRead[kind] = calendar;
        }

        return calendar;
    }

    /// <summary>Adds a changed deadline's due and reminder times to the wake-ups scheduled after the commit.</summary>
    public void Remember(Deadline deadline)
    {
        if (deadline.Status != DeadlineStatus.Running)
        {
            return;
        }

        if (deadline.DueAt is { } due)
        {
            wakeUps.Add(due);
        }

        if (deadline.RemindAt is { } remind && deadline.RemindedAt is null)
        {
            wakeUps.Add(remind);
        }
    }

    private async Task ApplyAsync(Case @case, List<Deadline> deadlines, CaseClockOperation operation, CancellationToken cancellationToken)
    {
        var deadline = deadlines.FirstOrDefault(candidate => candidate.Clock == operation.Clock);
        var step = @case.RecordedEvents.FirstOrDefault(recorded => recorded.Sequence == operation.Sequence);
        var cause = new DeadlineCause(
            operation.OccurredAt,
            step?.Actor ?? Domain.Common.Actor.System.Name,
            $"Step '{step?.Type ?? "?"}' (#{operation.Sequence}).",
            operation.Sequence);
        switch (operation.Operation)
        {
            case ClockOperationKind.Start:
                if (!rules.HasClock(@case.WorkflowId, operation.Clock))
                {
                    return;
                }

                // Whose calendar counts is the clock's nature (a referral is answered by the receiving centre), so the
                // default rule names the centre, and that centre's region's override applies.
                var centre = ResponsibleCentre(@case, rules.DefaultFor(@case.WorkflowId, operation.Clock).CalendarOf);
                var rule = (await rules.RuleForAsync(database, @case.WorkflowId, operation.Clock, centre.GetRegion().Code, cancellationToken))!;
                var calendar = await CalendarForAsync(centre.GetRegion().Code, cancellationToken);
                if (deadline is null)
                {
                    deadline = Deadline.Start(DeadlineId.New(time.GetUtcNow()), @case.Id, rule, @case.Priority, centre, @case.HandlingCentre, calendar, cause);
                    deadlines.Add(deadline);
                    database.Deadlines.Add(deadline);
                }
                else
                {
                    deadline.Restart(rule, @case.Priority, centre, @case.HandlingCentre, calendar, cause);
                }

                break;
            case ClockOperationKind.Stop:
                deadline?.Stop(cause);
                break;
            case ClockOperationKind.Pause:
                deadline?.Pause(cause);
                break;
            case ClockOperationKind.Resume when deadline is not null:
                deadline.Resume(await CalendarForAsync(deadline.Region, cancellationToken), cause);
                break;
            case ClockOperationKind.Extend when deadline is not null:
                deadline.Extend(await CalendarForAsync(deadline.Region, cancellationToken), cause);
                break;
        }
    }

    private static CentreCode ResponsibleCentre(Case @case, DeadlineCalendarOwner owner) =>
        owner == DeadlineCalendarOwner.ReceivingCentre && @case.ReferredTo is { } receiving ? receiving : @case.HandlingCentre;
}
