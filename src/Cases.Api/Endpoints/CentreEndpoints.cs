using Cases.Domain.Centres;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.GetCentre;
using Cases.Workflows.Centres.ListCentres;
using Cases.Workflows.Centres.RegisterCentre;
using Cases.Workflows.Centres.ConfigurePreExamination;
using Cases.Workflows.ConflictsOfInterest.RecordConflictLink;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

public static class CentreEndpoints
{
    public static IEndpointRouteBuilder MapCentreEndpoints(this IEndpointRouteBuilder routes)
    {
        var centres = routes.MapGroup("/api/centres").WithTags("Centres");
        centres.MapGet("/", ListCentres).WithName(nameof(ListCentres)).WithSummary("Every registered protection centre");
        centres.MapGet("/{code}", GetCentre).WithName(nameof(GetCentre)).WithSummary("One protection centre by its code")
            .ProducesProblem(StatusCodes.Status404NotFound);
        centres.MapPost("/", RegisterCentre).WithName(nameof(RegisterCentre))
            .WithSummary("Register a protection centre (知识产权保护中心) in a region of the 9+2")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        centres.MapPut("/{code}/pre-examination", ConfigurePreExamination).WithName(nameof(ConfigurePreExamination))
            .WithSummary("Set the centre's fast-track pre-examination scope (IPC classes) and registered applicants (备案)")
            .WithDescription("Replaces both lists. The eligibility check of fast-track pre-examination cases reads them.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/api/conflict-links", RecordConflictLink).WithTags("Centres").WithName(nameof(RecordConflictLink))
            .WithSummary("Record a link (利害关系) between a mediator or arbitrator and a party")
            .WithDescription("Assigning that person to a case involving that party is then refused (回避).")
            .ProducesValidationProblem();
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<CentreView>>> ListCentres(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCentresQuery(), cancellationToken));

    public static async Task<Ok<CentreView>> GetCentre(string code, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCentreQuery(new CentreCode(code)), cancellationToken));

    public static async Task<Ok<PreExaminationConfigurationView>> ConfigurePreExamination(string code, PreExaminationConfigurationRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ConfigurePreExaminationCommand(new CentreCode(code), request.TechnicalScope, request.RegisteredApplicants), cancellationToken));

    public static async Task<Created<ConflictLinkView>> RecordConflictLink(RecordConflictLinkCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var link = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/conflict-links/{link.Id}", link);
    }

    /// <summary>The body of a pre-examination configuration; the centre comes from the route.</summary>
    public sealed record PreExaminationConfigurationRequest(IReadOnlyList<string>? TechnicalScope, IReadOnlyList<RegisteredApplicantDetails>? RegisteredApplicants);

    public static async Task<Created<CentreView>> RegisterCentre(RegisterCentreCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var centre = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/centres/{centre.Code}", centre);
    }
}
