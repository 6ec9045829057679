using Cases.Workflows.Access;
using Cases.Workflows.Access.IssueAccessToken;
using Microsoft.AspNetCore.Antiforgery;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Endpoints;

/// <summary>Signing in: a bearer token for API clients; signing out of the web interface (its sign-in form is the page /signin).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/token", IssueAccessToken).WithName(nameof(IssueAccessToken)).AllowAnonymous()
            .WithSummary("Sign in with a username and password; returns a bearer token for the API")
            .WithDescription("Body: {\"username\": \"…\", \"password\": \"…\"}. Returns {\"access_token\", \"token_type\": \"Bearer\", \"expires_in\": seconds}. Send it as 'Authorization: Bearer <token>'. 401 for a wrong username or password or a locked account (locked for 15 minutes after 5 failures in a row).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        // A link on another site must not sign the reader out: the form's antiforgery token is required.
        routes.MapPost("/signout", SignOut).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return routes;
    }

    public static async Task<Ok<IssuedAccessToken>> IssueAccessToken(IssueAccessTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<Results<RedirectHttpResult, BadRequest>> SignOut(HttpContext context, IAntiforgery antiforgery, SignInManager<CasesUser> signIn)
    {
        // The endpoint binds no form, so the antiforgery middleware's verdict (its metadata asks for one) must be read.
        var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
        if (verdict is { IsValid: false } || (verdict is null && !await antiforgery.IsRequestValidAsync(context)))
        {
            return TypedResults.BadRequest();
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/signin");
    }
}
