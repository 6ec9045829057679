using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Deadlines.GetCaseDeadlines;
using Cases.Workflows.Deadlines.ListDeadlines;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

public static class DeadlineEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/deadlines", ListDeadlines).WithName(nameof(ListDeadlines)).WithTags("Deadlines")
            .WithSummary("Deadline dashboard (期限看板): due-soon or overdue, soonest first")
            .WithDescription("state=due-soon (running, not yet due; reminded or due within 7 days) or overdue (past due, step not done); centre= a centre code (as responsible or handling centre); limit ≤ 500.")
            .ProducesValidationProblem();
        routes.MapGet("/api/cases/{id:guid}/deadlines", GetCaseDeadlines).WithName(nameof(GetCaseDeadlines)).WithTags("Deadlines")
            .WithSummary("A case's deadlines, each with its explanation and recorded changes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<DeadlineQueue>> ListDeadlines(IMediator mediator, CancellationToken cancellationToken, string? state = null, string? centre = null, int? limit = null) =>
        TypedResults.Ok(await mediator.Send(new ListDeadlinesQuery(state, centre is null ? null : new CentreCode(centre), limit), cancellationToken));

    public static async Task<Ok<IReadOnlyList<CaseDeadlineView>>> GetCaseDeadlines(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCaseDeadlinesQuery(new CaseId(id)), cancellationToken));
}
