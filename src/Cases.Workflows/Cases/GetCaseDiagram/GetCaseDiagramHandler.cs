using Cases.Domain.Cases;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Diagrams;
using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.GetCaseDiagram;

/// <summary>
/// Draws the version the case is pinned to. The path is read from the timeline: each step records
/// its action and the states it left and entered. A version migration starts the path afresh,
/// since earlier steps belong to the old version's diagram.
/// </summary>
public sealed class GetCaseDiagramHandler(CasesDbContext database, CaseAccess access, WorkflowCatalog workflows) : IRequestHandler<GetCaseDiagramQuery, RenderedDiagram>
{
    public async Task<RenderedDiagram> Handle(GetCaseDiagramQuery query, CancellationToken cancellationToken)
    {
        var position = await access.PositionAsync(query.CaseId, cancellationToken);
        var events = await database.CaseEvents.AsNoTracking()
            .Where(@event => @event.CaseId == query.CaseId)
            .OrderBy(@event => @event.Sequence)
            .Select(@event => new { @event.Type, @event.Data })
            .ToListAsync(cancellationToken);
        var sinceMigration = events.FindLastIndex(@event => @event.Type == CaseEventTypes.CaseWorkflowMigrated) + 1;
        var path = events.Skip(sinceMigration)
            .Where(@event => @event.Data.ContainsKey("action"))
            .Select(@event => new TakenTransition(@event.Data["from"]!, @event.Data["action"]!, @event.Data["to"]!))
            .ToList();

        return DiagramFormats.Render(workflows.Get(position.Workflow), query.Format, new DiagramHighlight(position.State, path));
    }
}
