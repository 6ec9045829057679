using MediatR;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.GetCaseTimeline;

public sealed class GetCaseTimelineHandler(CasesDbContext database, CaseAccess access, CaseAudience audience) : IRequestHandler<GetCaseTimelineQuery, CaseTimelineView>
{
    public async Task<CaseTimelineView> Handle(GetCaseTimelineQuery query, CancellationToken cancellationToken)
    {
        var row = await access.RowAsync(query.CaseId, cancellationToken);
        var events = await database.CaseEvents.AsNoTracking()
            .Where(@event => @event.CaseId == query.CaseId)
            .OrderBy(@event => @event.Sequence)
            .ToListAsync(cancellationToken);

        return new CaseTimelineView(row.Id, row.Number, await audience.TimelineAsync(events, cancellationToken));
    }
}
