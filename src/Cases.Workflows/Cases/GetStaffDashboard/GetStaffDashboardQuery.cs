using Cases.Workflows.Cases.ListCases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.GetStaffDashboard;

/// <summary>
/// A staff member's dashboard (工作台): "my work" (待办), the open cases of the caller's centre in
/// which one of the caller's roles can take an action now, each with those actions; and the cases
/// referred to the centre that it has not yet accepted or declined (待接收移送). Each list is its
/// first <see cref="Limit"/> cases, priority first then the longest waiting, with its full count.
/// Deadlines due soon or overdue are <c>ListDeadlinesQuery</c>'s.
/// </summary>
public sealed record GetStaffDashboardQuery(int? Limit) : IQuery<StaffDashboardView>
{
    public const int DefaultLimit = 25;
    public const int MaximumLimit = 100;
}

/// <summary>The dashboard of the caller's centre (none for a system administrator, who sees every centre's).</summary>
public sealed record StaffDashboardView(
    string? Centre,
    IReadOnlyList<WorkItem> MyWork,
    int MyWorkCount,
    IReadOnlyList<WorkItem> ReferralsAwaitingAcceptance,
    int ReferralsAwaitingAcceptanceCount);

/// <summary>A case on the dashboard, the workflow version it runs on, and the actions the caller can take on it now.</summary>
public sealed record WorkItem(CaseSummary Case, WorkflowPinView Workflow, IReadOnlyList<string> Actions);
