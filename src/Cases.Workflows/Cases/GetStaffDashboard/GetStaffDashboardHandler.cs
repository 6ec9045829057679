using System.Linq.Expressions;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Workflows.Cases.ListCases;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.GetStaffDashboard;

/// <summary>
/// "My work" is read from the workflow definitions: every (workflow version, state) with a
/// transition one of the caller's roles may take becomes a filter on the caller's cases, so the
/// database returns only cases someone in those roles can move now. Which centre may take a
/// transition follows <see cref="AccessScope.MayChange"/>: the handling centre, except that the
/// centre a case is referred to accepts it, and either side may end a pending referral.
/// </summary>
public sealed class GetStaffDashboardHandler(CaseAccess access, WorkflowCatalog workflows, ICurrentActor currentActor)
    : IRequestHandler<GetStaffDashboardQuery, StaffDashboardView>
{
    public async Task<StaffDashboardView> Handle(GetStaffDashboardQuery query, CancellationToken cancellationToken)
    {
        currentActor.Require(StaffRoles.All, "The staff dashboard");
        var limit = query.Limit ?? GetStaffDashboardQuery.DefaultLimit;
        var centre = access.Scope.Centre?.Value;
        var open = OpenActions(currentActor.Roles);

        var myWork = access.VisibleRows().Where(MyWorkFilter(open, centre));
        var referrals = centre is null
            ? access.VisibleRows().Where(row => row.ReferredToCentreCode != null)
            : access.VisibleRows().Where(row => row.ReferredToCentreCode == centre);

        // One query at a time: a DbContext does not run two at once.
        var myWorkCount = await myWork.CountAsync(cancellationToken);
        var myWorkItems = await FirstAsync(myWork, limit, open, centre, cancellationToken);
        var referralCount = await referrals.CountAsync(cancellationToken);
        var referralItems = await FirstAsync(referrals, limit, open, centre, cancellationToken);
        return new StaffDashboardView(centre, myWorkItems, myWorkCount, referralItems, referralCount);
    }

    /// <summary>Which side of a case may take a transition (see <see cref="AccessScope.MayChange"/>).</summary>
    [Flags]
    private enum Side
    {
        Handling = 1,
        ReferredTo = 2,
    }

    private sealed record Position(string WorkflowId, int Version, string State);

    private sealed record OpenAction(Position Position, string Action, Side Sides);

    /// <summary>Every action the roles may take, by where it can be taken from, in definition order; none from a terminal state.</summary>
    private List<OpenAction> OpenActions(IReadOnlySet<Role> roles) =>
    [
        .. from definition in workflows.All
           from state in definition.States
           where state.Kind != StateKind.Terminal
           from transition in definition.TransitionsFrom(state.Name)
           where transition.Roles.Any(roles.Contains)
           select new OpenAction(new Position(definition.Id, definition.Version, state.Name), transition.Action, SidesOf(transition.Referral)),
    ];

    private static Side SidesOf(ReferralEffect referral) => referral switch
    {
        ReferralEffect.TakeOver => Side.ReferredTo,
        ReferralEffect.Return => Side.Handling | Side.ReferredTo,
        _ => Side.Handling,
    };

    /// <summary>
    /// Cases in a position with an open action, on the side the caller's centre stands; the caller
    /// without a centre (a system administrator) may change any case, so stands on every side.
    /// </summary>
    private static Expression<Func<CaseQueueRow, bool>> MyWorkFilter(List<OpenAction> open, string? centre)
    {
        var row = Expression.Parameter(typeof(CaseQueueRow), "row");
        Expression body;
        if (centre is null)
        {
            body = InAnyPosition(row, open.Select(action => action.Position));
        }
        else
        {
            var handles = Expression.AndAlso(
                Expression.Equal(Expression.Property(row, nameof(CaseQueueRow.HandlingCentreCode)), Expression.Constant(centre)),
                InAnyPosition(row, open.Where(action => action.Sides.HasFlag(Side.Handling)).Select(action => action.Position)));
            var offered = Expression.AndAlso(
                Expression.Equal(Expression.Property(row, nameof(CaseQueueRow.ReferredToCentreCode)), Expression.Constant(centre, typeof(string))),
                InAnyPosition(row, open.Where(action => action.Sides.HasFlag(Side.ReferredTo)).Select(action => action.Position)));
            body = Expression.OrElse(handles, offered);
        }

        return Expression.Lambda<Func<CaseQueueRow, bool>>(body, row);
    }

    /// <summary>(workflow = w AND version = v AND state IN (…)) OR …, one term per workflow version.</summary>
    private static Expression InAnyPosition(ParameterExpression row, IEnumerable<Position> positions)
    {
        Expression? any = null;
        foreach (var version in positions.GroupBy(position => (position.WorkflowId, position.Version)))
        {
            var states = version.Select(position => position.State).Distinct(StringComparer.Ordinal).ToList();
            var term = Expression.AndAlso(
                Expression.AndAlso(
                    Expression.Equal(Expression.Property(row, nameof(CaseQueueRow.WorkflowId)), Expression.Constant(version.Key.WorkflowId)),
                    Expression.Equal(Expression.Property(row, nameof(CaseQueueRow.WorkflowVersion)), Expression.Constant(version.Key.Version))),
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(states, typeof(IEnumerable<string>)), Expression.Property(row, nameof(CaseQueueRow.State))));
            any = any is null ? term : Expression.OrElse(any, term);
        }

        return any ?? Expression.Constant(false);
    }

    /// <summary>The first cases, priority first then the longest waiting, each with the actions the caller's centre may take on it.</summary>
    private static async Task<List<WorkItem>> FirstAsync(IQueryable<CaseQueueRow> rows, int limit, List<OpenAction> open, string? centre, CancellationToken cancellationToken)
    {
        var first = await rows
            .OrderByDescending(row => row.Priority).ThenBy(row => row.FiledAt).ThenBy(row => row.Id)
            .Take(limit)
            .Select(row => new
            {
                Summary = new CaseSummary(row.Id, row.Number, row.CentreCode, row.HandlingCentreCode, row.ReferredToCentreCode, row.Kind, row.State, row.Title, row.Priority, row.ExternalReference, row.FiledAt, row.UpdatedAt, row.Version, row.EnterpriseId),
                row.WorkflowId,
                row.WorkflowVersion,
            })
            .ToListAsync(cancellationToken);

        return
        [
            .. first.Select(row =>
            {
                var position = new Position(row.WorkflowId, row.WorkflowVersion, row.Summary.State);
                var sides = centre is null
                    ? Side.Handling | Side.ReferredTo
                    : (row.Summary.HandlingCentre == centre ? Side.Handling : 0) | (row.Summary.ReferredTo == centre ? Side.ReferredTo : 0);
                var actions = open
                    .Where(action => action.Position == position && (action.Sides & sides) != 0)
                    .Select(action => action.Action)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                return new WorkItem(row.Summary, new WorkflowPinView(row.WorkflowId, row.WorkflowVersion), actions);
            }),
        ];
    }
}
