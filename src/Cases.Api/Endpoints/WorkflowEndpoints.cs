using Cases.Workflows.WorkflowDefinitions;
using Cases.Workflows.WorkflowDefinitions.GetWorkflow;
using Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;
using Cases.Workflows.WorkflowDefinitions.ListWorkflows;
using Cases.Workflows.WorkflowDefinitions.MigrateCasesToWorkflowVersion;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder routes)
    {
        var workflows = routes.MapGroup("/api/workflows").WithTags("Workflows");
        workflows.MapGet("/", ListWorkflows).WithName(nameof(ListWorkflows))
            .WithSummary("Every workflow (流程) with its versions");
        workflows.MapGet("/{id}/{version:int}", GetWorkflow).WithName(nameof(GetWorkflow))
            .WithSummary("One version of a workflow definition: states, transitions, roles, guards, payload schemas, clocks")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapGet("/{id}/{version:int}/diagram", GetWorkflowDiagram).WithName(nameof(GetWorkflowDiagram))
            .WithSummary("A workflow version as SVG, or as Mermaid text with ?format=mermaid")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml", "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapPost("/{id}/migrations", MigrateCases).WithName(nameof(MigrateCases))
            .WithSummary("Move a workflow's running cases to another version (SystemAdmin)")
            .WithDescription("Body: {fromVersion, toVersion, stateMapping: {oldState: newState}, dryRun, reason}. A dry run lists every running case and what would change. Applying refuses (422) while any state in use is unmapped.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<WorkflowSummaryView>>> ListWorkflows(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListWorkflowsQuery(), cancellationToken));

    public static async Task<Ok<WorkflowDefinitionView>> GetWorkflow(string id, int version, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWorkflowQuery(id, version), cancellationToken));

    public static async Task<ContentHttpResult> GetWorkflowDiagram(string id, int version, IMediator mediator, CancellationToken cancellationToken, string? format = null)
    {
        var diagram = await mediator.Send(new GetWorkflowDiagramQuery(id, version, format), cancellationToken);
        return TypedResults.Content(diagram.Content, diagram.ContentType);
    }

    public static async Task<Ok<WorkflowMigrationReport>> MigrateCases(string id, WorkflowMigrationRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new MigrateCasesToWorkflowVersionCommand(id, request.FromVersion, request.ToVersion, request.StateMapping, request.DryRun ?? true, request.Reason),
            cancellationToken));

    /// <summary>The body of a version migration; a dry run unless <c>dryRun</c> is false.</summary>
    public sealed record WorkflowMigrationRequest(int? FromVersion, int? ToVersion, Dictionary<string, string>? StateMapping, bool? DryRun, string? Reason);
}
