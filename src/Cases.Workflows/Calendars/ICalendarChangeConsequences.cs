using Cases.Domain.Calendars;
using Cases.Domain.Regions;

namespace Cases.Workflows.Calendars;

/// <summary>
/// What a calendar change does to the rest of the system, run inside the change's transaction
/// before it commits, under the calendars' exclusive lock: e.g. recomputing the open deadlines the
/// change moves. With <c>dryRun</c> it only reports what would change and must store nothing.
/// </summary>
public interface ICalendarChangeConsequences
{
    Task<CalendarChangeImpact> ApplyAsync(RegionCalendarKind kind, WorkingCalendar before, WorkingCalendar after, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>What a calendar change did (or, in a dry run, would do) beyond the calendar itself: the deadlines it moved.</summary>
public sealed record CalendarChangeImpact(int DeadlinesAffected, IReadOnlyList<MovedDeadline> Deadlines)
{
    public static CalendarChangeImpact None { get; } = new(0, []);
}

/// <summary>
/// An open deadline a calendar change moves: its case, clock, old and new due time and last day,
/// and whether the new due time has already passed (it becomes overdue).
/// </summary>
public sealed record MovedDeadline(
    Guid CaseId,
    string CaseNumber,
    string Clock,
    string Region,
    DateOnly? OldLastDay,
    DateTimeOffset? OldDueAt,
    DateOnly? NewLastDay,
    DateTimeOffset? NewDueAt,
    bool BecomesOverdue);

/// <summary>The default until deadlines are stored: a calendar change affects nothing else.</summary>
public sealed class NoCalendarChangeConsequences : ICalendarChangeConsequences
{
    public Task<CalendarChangeImpact> ApplyAsync(RegionCalendarKind kind, WorkingCalendar before, WorkingCalendar after, bool dryRun, CancellationToken cancellationToken) =>
        Task.FromResult(CalendarChangeImpact.None);
}
