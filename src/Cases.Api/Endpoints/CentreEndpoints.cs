using Cases.Domain.Centres;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.GetCentre;
using Cases.Workflows.Centres.ListCentres;
using Cases.Workflows.Centres.RegisterCentre;
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
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<CentreView>>> ListCentres(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCentresQuery(), cancellationToken));

    public static async Task<Ok<CentreView>> GetCentre(string code, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCentreQuery(new CentreCode(code)), cancellationToken));

    public static async Task<Created<CentreView>> RegisterCentre(RegisterCentreCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var centre = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/centres/{centre.Code}", centre);
    }
}
