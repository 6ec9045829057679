namespace Cases.Domain.Calendars;

/// <summary>One recorded date of a calendar, with its name (e.g. "春节 Spring Festival") for explanations.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
