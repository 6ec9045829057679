using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Calendars.AddCalendarYear;

/// <summary>
/// Adds a year to a region's calendar (the whole calendar kind: a mainland province adds it for all
/// nine). <see cref="DryRun"/> validates and reports the consequences but stores nothing.
/// </summary>
public sealed record AddCalendarYearCommand(string Region, int? Year, string? Source, IReadOnlyList<CalendarDayInput>? Days, bool DryRun) : ICommand<CalendarYearAddedView>;

/// <summary>One date of a calendar as given: <c>{"date":"2027-02-06","kind":"Holiday","name":"春节 Spring Festival"}</c>.</summary>
public sealed record CalendarDayInput(string? Date, string? Kind, string? Name);

/// <summary>The year added (or, in a dry run, that would be), the calendar revision after it, and the change's impact.</summary>
public sealed record CalendarYearAddedView(
    string Region,
    string Calendar,
    IReadOnlyList<string> SharedWith,
    int Year,
    string Source,
    int DaysRecorded,
    long Revision,
    bool DryRun,
    CalendarChangeImpact Impact);
