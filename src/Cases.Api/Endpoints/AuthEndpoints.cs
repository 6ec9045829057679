using System.Net;
using Cases.Workflows.Access;
using Cases.Workflows.Access.IssueAccessToken;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Endpoints;

/// <summary>Signing in: a bearer token for API clients, the sign-in form and its cookie for the web UI.</summary>
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

        routes.MapGet("/signin", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) => SignInPage(context, antiforgery, returnUrl)).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/signin", SignIn).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/signout", SignOut).ExcludeFromDescription();
        return routes;
    }

    public static async Task<Ok<IssuedAccessToken>> IssueAccessToken(IssueAccessTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>The sign-in form of the web UI, with its antiforgery token; an error only from this code, never from the query string, so a link cannot put words on the page.</summary>
    public static ContentHttpResult SignInPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl = null, string? error = null) =>
        TypedResults.Content(SignInHtml(antiforgery.GetAndStoreTokens(context), LocalOrHome(returnUrl), error), "text/html; charset=utf-8", statusCode: error is null ? 200 : 401);

    /// <summary>Checks the form (antiforgery included), sets the sign-in cookie and returns to the page asked for.</summary>
    public static async Task<IResult> SignIn(
        [FromForm] string? username,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext context,
        IAntiforgery antiforgery,
        PasswordSignIn passwords,
        SignInManager<CasesUser> signIn,
        CancellationToken cancellationToken)
    {
        var target = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return SignInPage(context, antiforgery, target, "Enter your username and password.");
        }

        try
        {
            var user = await passwords.VerifyAsync(username.Trim(), password, cancellationToken);
            await signIn.SignInAsync(user, isPersistent: false);
            return TypedResults.LocalRedirect(target);
        }
        catch (SignInFailedException failed)
        {
            return SignInPage(context, antiforgery, target, failed.Message);
        }
    }

    public static async Task<RedirectHttpResult> SignOut(SignInManager<CasesUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/signin");
    }

    /// <summary>Only a path on this site: an absolute URL in returnUrl would make the form an open redirect.</summary>
    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 }
        && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        // Control characters or spaces would make the redirect itself fail (a 500 after a good sign-in).
        && !returnUrl.Any(character => char.IsControl(character) || char.IsWhiteSpace(character))
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl
            : "/";

    private static string SignInHtml(AntiforgeryTokenSet tokens, string returnUrl, string? error) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · Cases</title></head>
        <body>
        <main>
        <h1>Sign in to Cases</h1>
        {{(error is null ? string.Empty : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
        <form method="post" action="/signin">
        <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
        <p><label for="username">Username</label><br><input id="username" name="username" autocomplete="username" required></p>
        <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
        <p><button type="submit">Sign in</button></p>
        </form>
        </main>
        </body>
        </html>
        """;
}
