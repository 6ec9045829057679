using Cases.Api.Web;
using Cases.Workflows.Cases.ListAssignedCases;

namespace Cases.Api.Pages.Neutrals;

/// <summary>
/// "My cases and sessions" (我的案件与调解): a mediator's or arbitrator's cases, what to do next on
/// each, the sessions held and the deadlines, so that what is due is seen at a glance.
/// </summary>
public sealed class IndexModel(TimeProvider clock) : CasesPageModel
{
    public AssignedCaseList Assigned { get; private set; } = new(DateTimeOffset.MinValue, []);

    /// <summary>Today in UTC+8, from which days left are counted.</summary>
    public DateOnly Today { get; private set; }

    public IEnumerable<AssignedCaseView> Open => Assigned.Cases.Where(view => !view.Closed);

    public IEnumerable<AssignedCaseView> RecentlyClosed => Assigned.Cases.Where(view => view.Closed);

    /// <summary>The name the reader's assignments are recorded under, shown when there are none.</summary>
    public string? UserName => User.Identity?.Name;

    public async Task OnGetAsync()
    {
        Today = DeadlineList.TodayBy(clock);
        Assigned = await Mediator.Send(new ListAssignedCasesQuery(), HttpContext.RequestAborted);
    }

    public DeadlineList DeadlinesOf(AssignedCaseView view) => new(view.Deadlines, Today);

    /// <summary>How many open deadlines of the open cases are past their last day.</summary>
    public int OverdueCount => Open.SelectMany(view => DeadlinesOf(view).Shown.Where(deadline => IsOverdue(DeadlinesOf(view), deadline))).Count();

    /// <summary>How many open deadlines of the open cases fall within a week (or were reminded).</summary>
    public int DueSoonCount => Open.SelectMany(view => DeadlinesOf(view).Shown.Where(deadline => !IsOverdue(DeadlinesOf(view), deadline) && DeadlinesOf(view).DueSoon(deadline))).Count();

    public static bool IsOverdue(DeadlineList list, Cases.Workflows.Deadlines.DeadlineView deadline) =>
        deadline.Status == "Overdue" || (DeadlineList.Open.Contains(deadline.Status) && list.DaysLeft(deadline) < 0);

    /// <summary>"a, b or c" in the reader's language: the steps open on a case.</summary>
    public static string Either(Texts texts, IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(texts["neutrals:list-separator"].Value, items.Take(items.Count - 1)) + texts["neutrals:or"].Value + items[^1],
    };

    /// <summary>A session's notes cut to a line for the list; the case page shows them whole.</summary>
    public static string Short(string text, int length = 90)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }
}
