using System.Text.Encodings.Web;
using Cases.Workflows.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Signs in a request that carries <c>Authorization: Bearer &lt;token&gt;</c>: a session token from
/// <c>POST /api/auth/token</c> or a personal access token. The token is looked up by its hash on
/// every request, so revocation and lockout take effect at once on every node.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("The bearer token is malformed.");
        }

        var caller = await tokens.RecogniseAsync(presented, Context.RequestAborted);
        if (caller is null)
        {
            // Never the token itself: it must not reach any log.
            return AuthenticateResult.Fail("The bearer token is unknown, expired or revoked.");
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(CasesPrincipal.Identity(caller, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
