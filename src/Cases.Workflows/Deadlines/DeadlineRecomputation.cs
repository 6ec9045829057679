using Cases.Domain.Calendars;
using Cases.Domain.Deadlines;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines;

/// <summary>
/// A calendar change (a holiday or excluded day recorded, a year added) recomputes the open
/// deadlines counted by that calendar, inside the change's transaction and under its exclusive
/// lock, so no deadline is computed with the old calendar meanwhile. Each move is recorded on the
/// deadline with the change's author and reason. A dry run computes the same on untracked copies
/// and stores nothing.
/// </summary>
public sealed class DeadlineRecomputation(CasesDbContext database, DeadlineKeeper keeper, ICurrentActor currentActor, TimeProvider time) : ICalendarChangeConsequences
{
    public async Task<CalendarChangeImpact> ApplyAsync(RegionCalendarKind kind, WorkingCalendar before, WorkingCalendar after, bool dryRun, CancellationToken cancellationToken)
    {
        var regions = RegionCalendars.RegionsOn(kind).Select(region => region.Code).ToList();
        var open = database.Deadlines.Where(deadline => regions.Contains(deadline.Region)
            && (deadline.Status == DeadlineStatus.Running || deadline.Status == DeadlineStatus.Paused || deadline.Status == DeadlineStatus.AwaitingCalendar));
        var deadlines = await (dryRun ? open.AsNoTracking() : open).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var cause = new DeadlineCause(now, currentActor.Actor.Name, $"The {kind} calendar changed.");
        var moved = new List<(Deadline Deadline, DateOnly? OldLastDay, DateTimeOffset? OldDueAt)>();
        foreach (var deadline in deadlines)
        {
            var (oldLastDay, oldDueAt) = (deadline.LastDay, deadline.DueAt);
            if (deadline.Recompute(after, cause))
            {
                moved.Add((deadline, oldLastDay, oldDueAt));
                if (!dryRun)
                {
                    keeper.Remember(deadline);
                }
            }
        }

        if (moved.Count == 0)
        {
            return CalendarChangeImpact.None;
        }

        var caseIds = moved.Select(entry => entry.Deadline.CaseId).Distinct().ToList();
        var numbers = await database.Cases.AsNoTracking().Where(@case => caseIds.Contains(@case.Id))
            .Select(@case => new { @case.Id, @case.Number }).ToDictionaryAsync(@case => @case.Id, @case => @case.Number.ToString(), cancellationToken);
        return new CalendarChangeImpact(moved.Count, [.. moved
            .OrderBy(entry => entry.Deadline.DueAt).ThenBy(entry => entry.Deadline.Id)
            .Select(entry => new MovedDeadline(
                entry.Deadline.CaseId.Value,
                numbers[entry.Deadline.CaseId],
                entry.Deadline.Clock,
                entry.Deadline.Region,
                entry.OldLastDay,
                entry.OldDueAt,
                entry.Deadline.LastDay,
                entry.Deadline.DueAt,
                entry.Deadline.DueAt <= now && entry.Deadline.Status == DeadlineStatus.Running))]);
    }
}
