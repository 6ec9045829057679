using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using Cases.Workflows.Persistence;

namespace Cases.Workflows.Calendars;

/// <summary>
/// The loaded calendars, cached per node and kept exact across nodes: each read inside a
/// transaction takes a shared lock on the calendar revision, so a calendar change (which takes it
/// exclusively) and a deadline computation never interleave, and a stale cache is reloaded first.
/// </summary>
public sealed class CalendarRegistry
{
    /// <summary>The current calendar of a kind, read within the context's current transaction.</summary>
    public Task<WorkingCalendar> CalendarOfAsync(RegionCalendarKind kind, CasesDbContext database, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
