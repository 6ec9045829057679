using Cases.Workflows.Cases;
using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.GetCaseDeadlines;

public sealed class GetCaseDeadlinesHandler(CasesDbContext database, CaseAccess access, CaseAudience audience) : IRequestHandler<GetCaseDeadlinesQuery, IReadOnlyList<CaseDeadlineView>>
{
    public async Task<IReadOnlyList<CaseDeadlineView>> Handle(GetCaseDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var number = (await access.RowAsync(query.CaseId, cancellationToken)).Number;
        var deadlines = await database.Deadlines.AsNoTracking().Where(deadline => deadline.CaseId == query.CaseId)
            .OrderBy(deadline => deadline.StartedAt).ThenBy(deadline => deadline.Clock).ToListAsync(cancellationToken);
        var changes = (await database.DeadlineChanges.AsNoTracking().Where(change => change.CaseId == query.CaseId)
                .OrderBy(change => EF.Property<long>(change, "Id")).ToListAsync(cancellationToken))
            .ToLookup(change => change.DeadlineId);
        var views = new List<CaseDeadlineView>(deadlines.Count);
        foreach (var deadline in deadlines)
        {
            var changeViews = new List<DeadlineChangeView>();
            foreach (var change in changes[deadline.Id])
            {
                // An enterprise sees that the centre changed a deadline, not which staff member did.
                changeViews.Add(new DeadlineChangeView(change.OccurredAt, await audience.ActorAsync(change.Actor, cancellationToken), change.Kind.ToString(), change.DueBefore, change.DueAfter, change.Reason, change.CaseSequence));
            }

            views.Add(new CaseDeadlineView(DeadlineView.From(deadline, number), changeViews));
        }

        return views;
    }
}
