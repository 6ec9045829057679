using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Enterprises;
using Cases.Workflows.Enterprises.CreateEnterpriseUser;
using Cases.Workflows.Enterprises.GetKeyEnterprise;
using Cases.Workflows.Enterprises.ListEnterpriseUsers;
using Cases.Workflows.Enterprises.ListKeyEnterprises;
using Cases.Workflows.Enterprises.RegisterKeyEnterprise;
using Cases.Workflows.Enterprises.WithdrawKeyEnterprise;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

/// <summary>Key enterprises (重点企业) on the direct channel (直通车), and their users.</summary>
public static class EnterpriseEndpoints
{
    public static IEndpointRouteBuilder MapEnterpriseEndpoints(this IEndpointRouteBuilder routes)
    {
        var enterprises = routes.MapGroup("/api/enterprises").WithTags("Key enterprises");
        enterprises.MapPost("/", RegisterKeyEnterprise).WithName(nameof(RegisterKeyEnterprise))
            .WithSummary("Register a key enterprise for the direct channel (CentreAdmin or Supervisor: own centre; SystemAdmin: any)")
            .WithDescription("A key enterprise is a high-tech enterprise (高新技术企业) or holds at least 30 patents and trademarks; its unified social credit code (统一社会信用代码) must be valid and not yet registered (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        enterprises.MapGet("/", ListKeyEnterprises).WithName(nameof(ListKeyEnterprises))
            .WithSummary("The key enterprises the caller may see: the caller's centre's, every one (SystemAdmin), or the caller's own enterprise");
        enterprises.MapGet("/{id:guid}", GetKeyEnterprise).WithName(nameof(GetKeyEnterprise))
            .WithSummary("One key enterprise")
            .ProducesProblem(StatusCodes.Status404NotFound);
        enterprises.MapPost("/{id:guid}/withdrawal", WithdrawKeyEnterprise).WithName(nameof(WithdrawKeyEnterprise))
            .WithSummary("Withdraw a key enterprise from the direct channel, with a reason; its users and tokens stop working at once")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        enterprises.MapPost("/{id:guid}/users", CreateEnterpriseUser).WithName(nameof(CreateEnterpriseUser))
            .WithSummary("Create an account for a user of the enterprise, in the EnterpriseUser role (CentreAdmin of the enterprise's centre, or SystemAdmin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        enterprises.MapGet("/{id:guid}/users", ListEnterpriseUsers).WithName(nameof(ListEnterpriseUsers))
            .WithSummary("The accounts of the enterprise's users (CentreAdmin of the enterprise's centre, or SystemAdmin)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Created<KeyEnterpriseView>> RegisterKeyEnterprise(RegisterKeyEnterpriseCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var registered = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/enterprises/{registered.Id}", registered);
    }

    public static async Task<Ok<IReadOnlyList<KeyEnterpriseView>>> ListKeyEnterprises(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListKeyEnterprisesQuery(), cancellationToken));

    public static async Task<Ok<KeyEnterpriseView>> GetKeyEnterprise(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetKeyEnterpriseQuery(id), cancellationToken));

    public static async Task<Ok<KeyEnterpriseView>> WithdrawKeyEnterprise(Guid id, WithdrawKeyEnterpriseRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new WithdrawKeyEnterpriseCommand(id, request.Reason, request.ExpectedVersion), cancellationToken));

    public static async Task<Created<UserView>> CreateEnterpriseUser(Guid id, CreateEnterpriseUserRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(new CreateEnterpriseUserCommand(id, request.UserName, request.DisplayName, request.Password), cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    public static async Task<Ok<IReadOnlyList<UserView>>> ListEnterpriseUsers(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListEnterpriseUsersQuery(id), cancellationToken));

    /// <summary>The body of a withdrawal; the enterprise comes from the route.</summary>
    public sealed record WithdrawKeyEnterpriseRequest(string? Reason, int? ExpectedVersion = null);

    /// <summary>The body of a new enterprise user; the enterprise comes from the route. The password is never logged.</summary>
    public sealed record CreateEnterpriseUserRequest(string? UserName, string? DisplayName, string? Password)
    {
        public override string ToString() => $"{nameof(CreateEnterpriseUserRequest)} {{ UserName = {UserName} }}";
    }
}
