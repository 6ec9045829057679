using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Calendars.RecordCalendarDay;

/// <summary>
/// Records one date of a loaded calendar year, replacing what it had: e.g. a Hong Kong black
/// rainstorm warning day (黑色暴雨警告) after the fact, or a holiday announced late. Who, when and
/// why are kept. <see cref="DryRun"/> validates and reports the consequences but stores nothing.
/// </summary>
public sealed record RecordCalendarDayCommand(string Region, string? Date, string? Kind, string? Name, string? Reason, bool DryRun) : ICommand<CalendarDayRecordedView>;

/// <summary>The day as stored (or, in a dry run, as it would be), the entry it replaced, the calendar revision after it and the change's impact.</summary>
public sealed record CalendarDayRecordedView(
    string Region,
    string Calendar,
    IReadOnlyList<string> SharedWith,
    CalendarDayView Day,
    CalendarDayView? Replaced,
    long Revision,
    bool DryRun,
    CalendarChangeImpact Impact);
