using System.Globalization;
using Cases.Domain.Calendars;

namespace Cases.Workflows.Calendars;

/// <summary>One step of a deadline's explanation: <c>kind</c> is camelCase (countingLaw, start, skipped, counted, clamped, movedForward, paused, due).</summary>
public sealed record ExplanationStepView(string Kind, DateOnly? Date, string Text)
{
    public static ExplanationStepView From(ExplanationStep step) => new(WorkflowsRegistration.JsonName(step.Kind.ToString()), step.Date, step.Text);
}

/// <summary>One recorded date of a calendar, with who recorded it, when and why.</summary>
public sealed record CalendarDayView(DateOnly Date, string Weekday, string Kind, string Name, DateTimeOffset? RecordedAt, string? RecordedBy, string? Reason)
{
    public static CalendarDayView From(CalendarDay day, DateTimeOffset? recordedAt = null, string? recordedBy = null, string? reason = null) =>
        new(day.Date, day.Date.DayOfWeek.ToString(), day.Kind.ToString(), day.Name, recordedAt, recordedBy, reason);
}

/// <summary>The period units as the API spells them.</summary>
public static class PeriodUnitNames
{
    public static IReadOnlyDictionary<string, PeriodUnit> All { get; } = new Dictionary<string, PeriodUnit>(StringComparer.Ordinal)
    {
        ["working-days"] = PeriodUnit.WorkingDays,
        ["days"] = PeriodUnit.Days,
        ["months"] = PeriodUnit.Months,
        ["hours"] = PeriodUnit.Hours,
    };

    public static string NameOf(PeriodUnit unit) => All.First(entry => entry.Value == unit).Key;
}

/// <summary>Calendar dates and kinds as the API spells them.</summary>
public static class CalendarInput
{
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseKind(string? text, out CalendarDayKind kind) =>
        Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    public static string KindNames => string.Join(", ", Enum.GetNames<CalendarDayKind>());
}
