using System.Globalization;
using System.Text.RegularExpressions;
using Cases.Api.Web;
using Cases.Domain.Calendars;
using Cases.Domain.Regions;
using Cases.Workflows.Calendars;
using Cases.Workflows.Calendars.AddCalendarYear;
using Cases.Workflows.Calendars.GetCalendarYear;
using Cases.Workflows.Calendars.RecordCalendarDay;
using Cases.Workflows.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// A region's working calendar for a year as a grid (节假日安排), its special days with their names,
/// and for a system administrator: recording one day, first as a dry run that lists the running
/// deadlines it would move, then for real; and adding a year not yet loaded.
/// </summary>
public sealed partial class CalendarsModel(TimeProvider clock) : AdminPageModel
{
    public const int FirstYear = 1900;
    public const int LastYear = 2999;

    public Region Region { get; private set; } = Region.Guangdong;

    public int Year { get; private set; }

    /// <summary>The year as loaded; null when the calendar has not loaded it.</summary>
    public CalendarYearView? Calendar { get; private set; }

    public CalendarGrid? Grid => Calendar is { } calendar ? new CalendarGrid(calendar.Year, calendar.Days) : null;

    /// <summary>What recording the day would change (after a dry run).</summary>
    public CalendarDayRecordedView? Preview { get; private set; }

    /// <summary>The day form's values, kept when it is shown again.</summary>
    public DayForm Day { get; private set; } = new(null, null, null, null);

    /// <summary>The add-a-year form's values.</summary>
    public YearForm NewYear { get; private set; } = new(null, null);

    /// <summary>The kinds of day this region's calendar records.</summary>
    public IReadOnlyList<CalendarDayKind> Kinds =>
        [.. Enum.GetValues<CalendarDayKind>().Where(kind => WorkingCalendar.Allows(Region.Calendar, kind))];

    /// <summary>The other regions on the same calendar, whose deadlines a change moves too.</summary>
    public IReadOnlyList<string> SharedWith => RegionCalendars.SharedWith(Region);

    public async Task OnGetAsync(string? region, int? year)
    {
        Choose(region, year);
        await LoadAsync();
    }

    /// <summary>The dry run: nothing is stored; the page shows what would change and a button to confirm.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string? region, string? date, string? kind, string? name, string? reason)
    {
        Choose(region, YearOf(date));
        Day = new DayForm(date, kind, name, reason);
        var sent = await SendAsync(new RecordCalendarDayCommand(Region.Code, date, kind, name, reason, DryRun: true), DayPlacement);
        if (sent.Succeeded)
        {
            Preview = sent.Value;
        }

        await LoadAsync();
        return sent.Succeeded ? Page() : Refused();
    }

    /// <summary>Records the day for real, after its preview; back to the grid with a notice.</summary>
    public async Task<IActionResult> OnPostRecordAsync(string? region, string? date, string? kind, string? name, string? reason)
    {
        Choose(region, YearOf(date));
        Day = new DayForm(date, kind, name, reason);
        var sent = await SendAsync(new RecordCalendarDayCommand(Region.Code, date, kind, name, reason, DryRun: false), DayPlacement);
        if (!sent.Succeeded)
        {
            await LoadAsync();
            return Refused();
        }

        var recorded = sent.Value!;
        var moved = recorded.Impact.DeadlinesAffected switch
        {
            0 => T["No running deadline moved."],
            1 => T["1 running deadline recomputed."],
            var count => T["{0} running deadlines recomputed.", Formats.Number(count)],
        };
        var day = T["{0} recorded as {1} in the calendar of {2}.", Formats.Date(recorded.Day.Date), KindName(recorded.Day.Kind), CalendarRegions()];
        Notify(day.Value + " " + moved.Value);
        return Redirect(GridUrl(Region.Code, recorded.Day.Date.Year) + "#day-" + Formats.InputDate(recorded.Day.Date));
    }

    /// <summary>Adds a year not loaded: its source and its days, one a line ("2027-01-01 Holiday 元旦 New Year's Day").</summary>
    public async Task<IActionResult> OnPostAddYearAsync(string? region, int? year, string? source, string? days)
    {
        Choose(region, year);
        NewYear = new YearForm(source, days);
        var lines = (days ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var inputs = lines.Select(line => line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => new CalendarDayInput(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2)))
            .ToList();
        var sent = await SendAsync(new AddCalendarYearCommand(Region.Code, Year, source, inputs, DryRun: false), YearPlacement);
        if (!sent.Succeeded)
        {
            ToLines();
            await LoadAsync();
            return Refused();
        }

        var added = sent.Value!;
        Notify(T["{0} added to the calendar of {1} (special days: {2}; deadlines computed: {3}).", added.Year, CalendarRegions(), Formats.Number(added.DaysRecorded), Formats.Number(added.Impact.DeadlinesAffected)]);
        return Redirect(GridUrl(Region.Code, added.Year));
    }

    public static string GridUrl(string region, int year) =>
        $"/admin/calendars?region={Uri.EscapeDataString(region)}&year={year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The regions on this calendar, named in the reader's language: "广东" or "福建、江西、…".</summary>
    public string CalendarRegions() =>
        string.Join(T["list separator"], RegionCalendars.RegionsOn(Region.Calendar).Select(region => WorkflowTerms.Centre(region.Code)));

    /// <summary>A kind of day as this region's calendar calls it.</summary>
    public string KindName(string kind) => CalendarGrid.KindName(kind, Region.Calendar, T);

    /// <summary>The kinds this calendar records, as written in the add-a-year form.</summary>
    public string KindIdentifiers => string.Join(", ", Kinds);

    private FieldPlacement DayPlacement => new FieldPlacement()
        .Validation("date", "NotEmptyValidator", texts => texts["Enter a date."])
        .Validation("date", "PredicateValidator", texts => texts["Enter a date."])
        .Validation("kind", "NotEmptyValidator", texts => texts["Choose one of the options."])
        .AnyOn("kind", texts => texts["This calendar does not record this kind of day on this date (调休 is for a Saturday or Sunday)."])
        .WhenForbidden(texts => texts["Only a system administrator changes calendars."])
        .OutsideCalendarOn("date");

    private FieldPlacement YearPlacement => new FieldPlacement()
        .Validation("year", "InclusiveBetweenValidator", texts => texts["Choose a year from {0} to {1}.", FirstYear, LastYear])
        .WhenForbidden(texts => texts["Only a system administrator changes calendars."]);

    private void Choose(string? region, int? year)
    {
        if (Region.TryFromCode(region?.Trim().ToUpperInvariant(), out var chosen))
        {
            Region = chosen;
        }
        else if (OwnCentre is { Length: >= 2 } centre && Region.TryFromCode(centre[..2], out var own))
        {
            Region = own;
        }

        Year = year is >= FirstYear and <= LastYear ? year.Value : DeadlineList.TodayBy(clock).Year;
    }

    private async Task LoadAsync()
    {
        try
        {
            Calendar = await Mediator.Send(new GetCalendarYearQuery(Region.Code, Year), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            // Not loaded: the page says so (and offers to add it), rather than a 404.
            Calendar = null;
        }
    }

    private static int? YearOf(string? date) => CalendarInput.TryParseDate(date, out var parsed) ? parsed.Year : null;

    /// <summary>The validator names a day by its index ("days[2].date"); the form has one field, so the message names the line.</summary>
    private void ToLines()
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            var match = DayPath().Match(key);
            if (!match.Success)
            {
                continue;
            }

            var line = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
            var message = match.Groups["part"].Value switch
            {
                "date" => T["Line {0}: write a date of {1} as yyyy-MM-dd, each date once.", line, Year].Value,
                "kind" => T["Line {0}: the kind must be one of {1}; 调休 only on a Saturday or Sunday.", line, KindIdentifiers].Value,
                _ => T["Line {0}: give the day's name, at most {1} characters.", line, AddCalendarYearValidator.MaximumNameLength].Value,
            };
            ModelState.Remove(key);
            ModelState.AddModelError("days", message);
        }
    }

    [GeneratedRegex(@"^days\[(?<index>\d+)\]\.(?<part>\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DayPath();

    public sealed record DayForm(string? Date, string? Kind, string? Name, string? Reason);

    public sealed record YearForm(string? Source, string? Days);
}
