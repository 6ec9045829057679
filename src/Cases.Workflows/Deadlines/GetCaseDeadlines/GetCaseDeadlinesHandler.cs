using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.GetCaseDeadlines;

public sealed class GetCaseDeadlinesHandler(CasesDbContext database) : IRequestHandler<GetCaseDeadlinesQuery, IReadOnlyList<CaseDeadlineView>>
{
    public async Task<IReadOnlyList<CaseDeadlineView>> Handle(GetCaseDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var number = await database.Cases.AsNoTracking().Where(@case => @case.Id == query.CaseId).Select(@case => (object?)@case.Number).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Case", query.CaseId.ToString());
        var deadlines = await database.Deadlines.AsNoTracking().Where(deadline => deadline.CaseId == query.CaseId)
            .OrderBy(deadline => deadline.StartedAt).ThenBy(deadline => deadline.Clock).ToListAsync(cancellationToken);
        var changes = (await database.DeadlineChanges.AsNoTracking().Where(change => change.CaseId == query.CaseId)
                .OrderBy(change => EF.Property<long>(change, "Id")).ToListAsync(cancellationToken))
            .ToLookup(change => change.DeadlineId);
        return [.. deadlines.Select(deadline => new CaseDeadlineView(
            DeadlineView.From(deadline, number.ToString()),
            [.. changes[deadline.Id].Select(change => new DeadlineChangeView(change.OccurredAt, change.Actor, change.Kind.ToString(), change.DueBefore, change.DueAfter, change.Reason, change.CaseSequence))]))];
    }
}
