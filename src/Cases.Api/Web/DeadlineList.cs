using Cases.Workflows.Deadlines;

namespace Cases.Api.Web;

/// <summary>
/// A case's deadlines as a reader sees them: the running ones first, each with its last day, the
/// days left (or overdue) counted from today in UTC+8, and the explanation of how the day was reached.
/// </summary>
public sealed record DeadlineList(IReadOnlyList<DeadlineView> Deadlines, DateOnly Today, bool ShowClosed = true)
{
    /// <summary>Statuses of a deadline still counting, or past due with its step not done.</summary>
    public static readonly IReadOnlySet<string> Open = new HashSet<string>(StringComparer.Ordinal) { "Running", "Paused", "AwaitingCalendar", "Overdue" };

    public IEnumerable<DeadlineView> Shown =>
        Deadlines.Where(deadline => ShowClosed || Open.Contains(deadline.Status))
            .OrderBy(deadline => Open.Contains(deadline.Status) ? 0 : 1)
            .ThenBy(deadline => deadline.LastDay ?? DateOnly.MaxValue);

    /// <summary>Calendar days from today to the last day: negative once it has passed.</summary>
    public int? DaysLeft(DeadlineView deadline) => deadline.LastDay is { } last ? last.DayNumber - Today.DayNumber : null;

    /// <summary>Within a week of its last day, or reminded: "due soon".</summary>
    public bool DueSoon(DeadlineView deadline) =>
        deadline.Status == "Running" && (DaysLeft(deadline) is <= 7 || deadline.RemindedAt is not null);

    /// <summary>Days left in words: "3 days left", "Due today", "Overdue by 2 days" (one wording on every page).</summary>
    public static string DaysLeftWords(int days, Texts texts) => days switch
    {
        < 0 => texts["Overdue by {0} days", -days],
        0 => texts["Due today"],
        1 => texts["1 day left"],
        _ => texts["{0} days left", days],
    };

    /// <summary>Today in the 9+2 (UTC+8) by the application's clock.</summary>
    public static DateOnly TodayBy(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Formats.CentreOffset).DateTime);
}
