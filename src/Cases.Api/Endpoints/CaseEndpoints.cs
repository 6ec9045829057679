using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.AddInternalNote;
using Cases.Workflows.Cases.ChangeCasePriority;
using System.Text.Json;
using Cases.Workflows.Cases.FileCase;
using Cases.Workflows.Cases.GetCaseDiagram;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Cases.TakeAction;
using Cases.Workflows.Cases.GetCase;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Cases.GetStaffDashboard;
using Cases.Workflows.Cases.ListCases;
using Cases.Api.Infrastructure;
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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey<AudienceCaseView>(Filed);
        cases.MapGet("/", ListCases).WithName(nameof(ListCases))
            .WithSummary("The triage queue (分流队列)")
            .WithDescription("Filter by centre, kind, state, priority and free text (text: number, title, reference, party names, right numbers); sort with triage (default: priority first, then oldest), filed, -filed, updated, -updated, number, -number; pages of at most 100.")
            .ProducesValidationProblem();
        cases.MapGet("/dashboard", GetStaffDashboard).WithName(nameof(GetStaffDashboard))
            .WithSummary("A staff member's dashboard (工作台): the cases where one of their roles can act now, and those referred to their centre awaiting its answer")
            .WithDescription("My work: open cases of the caller's centre in a state where one of the caller's roles may take an action (the centre a case is referred to accepts or declines it), each with those actions. Referrals: cases referred to the caller's centre not yet accepted or declined. Each list: its first `limit` cases (default 25, at most 100), priority first then the longest waiting, and its full count.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapGet("/{id:guid}", GetCase).WithName(nameof(GetCase))
            .WithSummary("One case with its parties and rights; a key enterprise's user gets the reduced enterprise view")
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
        cases.MapGet("/{id:guid}/actions", ListAvailableActions).WithName(nameof(ListAvailableActions))
            .WithSummary("The actions the caller can take on the case now, each with its payload's JSON schema")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id:guid}/actions/{action}", TakeAction).WithName(nameof(TakeAction))
            .WithSummary("Take one action of the case's workflow (办理)")
            .WithDescription("Body: {\"expectedVersion\": n (optional), \"payload\": {…} (the fields the action takes)}. 403 without a role the action allows; 409 when the case's state does not allow the action or the case changed meanwhile; 422 listing each broken rule.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey<ActionTakenView>(view => TypedResults.Ok(view));
        cases.MapPost("/{id:guid}/notes", AddInternalNote).WithName(nameof(AddInternalNote))
            .WithSummary("Add an internal note (内部备注) to the case: staff only, never shown to the case's enterprise")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet("/{id:guid}/diagram", GetCaseDiagram).WithName(nameof(GetCaseDiagram))
            .WithSummary("The case's workflow as SVG (or ?format=mermaid), its current state and path highlighted")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml", "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<AvailableActionsView>> ListAvailableActions(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAvailableActionsQuery(new CaseId(id)), cancellationToken));

    public static async Task<Ok<ActionTakenView>> TakeAction(Guid id, string action, TakeActionRequest? request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new TakeActionCommand(new CaseId(id), action, request?.ExpectedVersion, request?.Payload), cancellationToken));

    public static async Task<ContentHttpResult> GetCaseDiagram(Guid id, IMediator mediator, CancellationToken cancellationToken, string? format = null)
    {
        var diagram = await mediator.Send(new GetCaseDiagramQuery(new CaseId(id), format), cancellationToken);
        return TypedResults.Content(diagram.Content, diagram.ContentType);
    }

    /// <summary>The body of an action: the version the caller saw, and the fields the action takes.</summary>
    public sealed record TakeActionRequest(int? ExpectedVersion = null, Dictionary<string, JsonElement>? Payload = null);

    public static async Task<Created<AudienceCaseView>> FileCase(FileCaseCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var filed = await mediator.Send(command, cancellationToken);
        return Filed(filed);
    }

    /// <summary>The response to a filing: also what a retry with the same idempotency key gets.</summary>
    public static Created<AudienceCaseView> Filed(AudienceCaseView filed) => TypedResults.Created($"/api/cases/{filed.Id}", filed);

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

    public static async Task<Ok<StaffDashboardView>> GetStaffDashboard(IMediator mediator, CancellationToken cancellationToken, int? limit = null) =>
        TypedResults.Ok(await mediator.Send(new GetStaffDashboardQuery(limit), cancellationToken));

    public static async Task<Ok<AudienceCaseView>> GetCase(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCaseQuery(new CaseId(id)), cancellationToken));

    public static async Task<Ok<CaseTimelineView>> GetCaseTimeline(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCaseTimelineQuery(new CaseId(id)), cancellationToken));

    public static async Task<Ok<CaseView>> ChangeCasePriority(Guid id, ChangeCasePriorityRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ChangeCasePriorityCommand(new CaseId(id), request.Priority, request.Reason, request.ExpectedVersion), cancellationToken));

    public static async Task<Created<CaseEventView>> AddInternalNote(Guid id, AddInternalNoteRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var note = await mediator.Send(new AddInternalNoteCommand(new CaseId(id), request.Text, request.ExpectedVersion), cancellationToken);
        return TypedResults.Created($"/api/cases/{id}/timeline", note);
    }

    /// <summary>The body of an internal note; the case comes from the route.</summary>
    public sealed record AddInternalNoteRequest(string? Text, int? ExpectedVersion = null);

    /// <summary>The body of a priority change; the case comes from the route.</summary>
    public sealed record ChangeCasePriorityRequest(bool? Priority, string? Reason, int? ExpectedVersion = null);
}
