using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Access.ListPersonalAccessTokens;
using Cases.Workflows.Access.ListUsers;
using Cases.Workflows.Access.RevokePersonalAccessToken;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

/// <summary>Staff accounts, and the personal access tokens of enterprise integrations.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").WithTags("Accounts");
        users.MapPost("/", CreateUser).WithName(nameof(CreateUser))
            .WithSummary("Create a staff account at a centre, or a system administrator's (CentreAdmin: own centre; SystemAdmin: any)")
            .WithDescription($"Passwords: at least {Workflows.Access.AccessRegistration.MinimumPasswordLength} characters with an upper-case letter, a lower-case letter and a digit. Accounts lock for 15 minutes after {Workflows.Access.AccessRegistration.MaximumFailedSignIns} failed sign-ins in a row.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapGet("/", ListUsers).WithName(nameof(ListUsers))
            .WithSummary("The accounts of the caller's centre (CentreAdmin), or every account (SystemAdmin)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var tokens = routes.MapGroup("/api/tokens").WithTags("Accounts");
        tokens.MapPost("/", CreatePersonalAccessToken).WithName(nameof(CreatePersonalAccessToken))
            .WithSummary("Create a personal access token for the enterprise's own systems (EnterpriseUser, signed in themselves)")
            .WithDescription("Body: {\"name\": \"ERP integration\", \"expiresInDays\": 365 (1 to 730)}. The token is in the response this once; only its hash is kept. It acts as the enterprise user, on the enterprise's cases only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapGet("/", ListPersonalAccessTokens).WithName(nameof(ListPersonalAccessTokens))
            .WithSummary("The enterprise's personal access tokens, without the tokens themselves")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapDelete("/{id:guid}", RevokePersonalAccessToken).WithName(nameof(RevokePersonalAccessToken))
            .WithSummary("Revoke one of the enterprise's personal access tokens; it stops working at once")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Created<UserView>> CreateUser(CreateUserCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    public static async Task<Ok<IReadOnlyList<UserView>>> ListUsers(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListUsersQuery(), cancellationToken));

    public static async Task<Created<PersonalAccessTokenCreated>> CreatePersonalAccessToken(CreatePersonalAccessTokenCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/tokens/{created.Details.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<PersonalAccessTokenView>>> ListPersonalAccessTokens(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListPersonalAccessTokensQuery(), cancellationToken));

    public static async Task<Ok<PersonalAccessTokenView>> RevokePersonalAccessToken(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RevokePersonalAccessTokenCommand(id), cancellationToken));
}
