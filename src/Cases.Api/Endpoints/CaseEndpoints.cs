using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.ChangeCasePriority;
using Cases.Workflows.Cases.FileCase;
using Cases.Workflows.Cases.GetCase;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Cases.ListCases;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/cases").WithTags("Cases");
        cases.MapPost("/", FileCase).WithName(nameof(FileCase))
            .WithSummary("File a case (立案申请 / 投诉)")
            .WithDescription("Allocates the next case number of the centre and year, records the CaseFiled timeline entry and returns the case.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet("/", ListCases).WithName(nameof(ListCases))
            .WithSummary("The triage queue (分流队列)")
            .WithDescription("Filter by centre, kind, state, priority and free text (text: number, title, reference, party names, right numbers); sort with triage (default: priority first, then oldest), filed, -filed, updated, -updated, number, -number; pages of at most 100.")
            .ProducesValidationProblem();
        cases.MapGet("/{id:guid}", GetCase).WithName(nameof(GetCase))
            .WithSummary("One case with its parties and rights")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{id:guid}/timeline", GetCaseTimeline).WithName(nameof(GetCaseTimeline))
            .WithSummary("Every recorded change of a case, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPut("/{id:guid}/priority", ChangeCasePriority).WithName(nameof(ChangeCasePriority))
            .WithSummary("Mark a case as a priority, or unmark it, with a reason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    public static async Task<Created<CaseView>> FileCase(FileCaseCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var filed = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/cases/{filed.Id}", filed);
    }

    public static async Task<Ok<CasePage>> ListCases(
        IMediator mediator,
        CancellationToken cancellationToken,
        string? centre = null,
        string? kind = null,
        string? state = null,
        bool? priority = null,
        string? text = null,
        string? sort = null,
        int? page = null,
        int? pageSize = null) =>
        TypedResults.Ok(await mediator.Send(
            new ListCasesQuery(centre is null ? null : new CentreCode(centre), kind, state, priority, text, sort, page, pageSize),
            cancellationToken));

    public static async Task<Ok<CaseView>> GetCase(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCaseQuery(new CaseId(id)), cancellationToken));

    public static async Task<Ok<CaseTimelineView>> GetCaseTimeline(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCaseTimelineQuery(new CaseId(id)), cancellationToken));

    public static async Task<Ok<CaseView>> ChangeCasePriority(Guid id, ChangeCasePriorityRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ChangeCasePriorityCommand(new CaseId(id), request.Priority, request.Reason, request.ExpectedVersion), cancellationToken));

    /// <summary>The body of a priority change; the case comes from the route.</summary>
    public sealed record ChangeCasePriorityRequest(bool? Priority, string? Reason, int? ExpectedVersion = null);
}
