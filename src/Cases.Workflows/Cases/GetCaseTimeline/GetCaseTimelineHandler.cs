using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.GetCaseTimeline;

public sealed class GetCaseTimelineHandler(CasesDbContext database) : IRequestHandler<GetCaseTimelineQuery, CaseTimelineView>
{
    public async Task<CaseTimelineView> Handle(GetCaseTimelineQuery query, CancellationToken cancellationToken)
    {
        var caseId = query.CaseId.Value;
        var number = await database.CaseQueue.Where(row => row.Id == caseId).Select(row => row.Number).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Case", query.CaseId.ToString());

        var events = await database.CaseEvents.AsNoTracking()
            .Where(@event => @event.CaseId == query.CaseId)
            .OrderBy(@event => @event.Sequence)
            .ToListAsync(cancellationToken);

        return new CaseTimelineView(
            caseId,
            number,
            events.Select(@event => new CaseEventView(@event.Sequence, @event.Type, @event.OccurredAt, @event.Actor, @event.Reason, @event.Data)).ToList());
    }
}
