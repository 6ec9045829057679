using Cases.Api.Web;
using Cases.Domain.Cases;
using Cases.Domain.Clocks;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.WorkflowDefinitions;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// Where one of the enterprise's cases stands and what is expected of the enterprise next, and by
/// when. A step is expected of it when its workflow lets an enterprise user take it now and it
/// moves the case on (withdrawing, which ends the case, is open but never expected); its time
/// limit is the running deadline whose clock that step stops, e.g. submitting corrections (提交补正)
/// stops the corrections period (补正期限).
/// </summary>
public sealed record CaseProgress(
    AvailableActionsView Position,
    StateKind? Stage,
    IReadOnlyList<ExpectedStep> Expected,
    IReadOnlyList<TransitionView> AlsoOpen,
    IReadOnlyList<DeadlineView> Running,
    IReadOnlyList<DeadlineView> Deadlines,
    DateOnly Today)
{
    /// <summary>The case has ended; nothing more is expected of anyone.</summary>
    public bool Closed => Stage == StateKind.Terminal;

    /// <summary>The case waits on someone outside the centre (not necessarily the enterprise).</summary>
    public bool Waiting => Stage == StateKind.Waiting;

    public WorkflowPin Pin => new(Position.Pin.Id, Position.Pin.Version);

    /// <summary>Calendar days from today (UTC+8) to the deadline's last day; negative once passed.</summary>
    public int? DaysLeft(DeadlineView deadline) => deadline.LastDay is { } last ? last.DayNumber - Today.DayNumber : null;

    public static CaseProgress Of(AvailableActionsView position, IEnumerable<DeadlineView> deadlines, WorkflowCatalog workflows, DateOnly today)
    {
        workflows.TryGet(new WorkflowPin(position.Pin.Id, position.Pin.Version), out var definition);
        StateKind? KindOf(string? state) =>
            definition is not null && state is not null && definition.TryGetState(state, out var found) ? found.Kind : null;

        var all = deadlines.ToList();
        var running = all.Where(deadline => DeadlineList.Open.Contains(deadline.Status))
            .OrderBy(deadline => deadline.LastDay ?? DateOnly.MaxValue)
            .ToList();
        var expected = new List<ExpectedStep>();
        var alsoOpen = new List<TransitionView>();
        foreach (var action in position.Actions)
        {
            if (action.StaysInPlace || KindOf(action.To) == StateKind.Terminal)
            {
                alsoOpen.Add(action);
                continue;
            }

            var stops = action.Clocks.Where(operation => operation.Operation == ClockOperationKind.Stop).Select(operation => operation.Clock).ToHashSet(StringComparer.Ordinal);
            expected.Add(new ExpectedStep(action, [.. running.Where(deadline => stops.Contains(deadline.Clock))]));
        }

        return new CaseProgress(position, KindOf(position.State), expected, alsoOpen, running, all, today);
    }
}

/// <summary>A step the enterprise is expected to take, with the running deadline(s) it answers.</summary>
public sealed record ExpectedStep(TransitionView Action, IReadOnlyList<DeadlineView> Deadlines)
{
    /// <summary>The earliest last day by which the step must be taken, if its deadline has one.</summary>
    public DateOnly? By => Deadlines.Select(deadline => deadline.LastDay).Where(day => day is not null).Min();
}
