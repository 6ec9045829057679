using Cases.Api.Web;
using Cases.Workflows.Cases.GetStaffDashboard;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Deadlines.ListDeadlines;

namespace Cases.Api.Pages.Staff;

/// <summary>
/// A centre staff member's dashboard (工作台): the cases waiting for one of their roles, the
/// centre's deadlines due soon and overdue, and the referrals waiting for the centre's answer.
/// </summary>
public sealed class StaffDashboardModel(TimeProvider clock) : CasesPageModel
{
    /// <summary>How many deadlines of each kind the dashboard lists; the count says when there are more.</summary>
    public const int DeadlinesShown = 100;

    public StaffDashboardView Dashboard { get; private set; } = new(null, [], 0, [], 0);

    /// <summary>The centre's deadlines due soon, with today's date to count days left from.</summary>
    public DeadlineList DueSoon { get; private set; } = new([], default);

    public DeadlineList Overdue { get; private set; } = new([], default);

    public CaseDisplay Display => ActivatorUtilities.CreateInstance<CaseDisplay>(HttpContext.RequestServices);

    public async Task OnGetAsync()
    {
        Dashboard = await Mediator.Send(new GetStaffDashboardQuery(null), HttpContext.RequestAborted);
        var today = DeadlineList.TodayBy(clock);
        var dueSoon = await Mediator.Send(new ListDeadlinesQuery(ListDeadlinesQuery.DueSoon, null, DeadlinesShown), HttpContext.RequestAborted);
        var overdue = await Mediator.Send(new ListDeadlinesQuery(ListDeadlinesQuery.Overdue, null, DeadlinesShown), HttpContext.RequestAborted);
        DueSoon = new DeadlineList(dueSoon.Items, today, ShowClosed: false);
        Overdue = new DeadlineList(overdue.Items, today, ShowClosed: false);
    }

    /// <summary>A count as shown on a card: "100+" when the list was cut at its length.</summary>
    public static string Count(int count, int shown) => count >= shown ? Formats.Number(shown) + "+" : Formats.Number(count);
}
