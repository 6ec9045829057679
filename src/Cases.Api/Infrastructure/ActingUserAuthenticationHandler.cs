using System.Security.Claims;
using System.Text.Encodings.Web;
using Cases.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Interim sign-in until the identity and access issue brings ASP.NET Core Identity (ADR 0009):
/// the caller names themselves in <c>X-Cases-User</c> and their roles in <c>X-Cases-Roles</c>
/// (comma-separated role names). It produces the same claims Identity will (name and roles), so
/// everything downstream, workflow role checks included, stays as it is when Identity replaces it.
/// Without the headers the caller is anonymous and holds no role.
/// </summary>
public sealed class ActingUserAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ActingUser";
    public const string UserHeader = "X-Cases-User";
    public const string RolesHeader = "X-Cases-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString().Trim();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (user.Length > 200 || user.Contains('\0', StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.Fail($"{UserHeader} must be a name of at most 200 characters."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        foreach (var name in Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<Role>(name, ignoreCase: false, out var role) || !Enum.IsDefined(role) || char.IsDigit(name[0]))
            {
                return Task.FromResult(AuthenticateResult.Fail($"{RolesHeader} names '{name}', which is not a role; the roles are {string.Join(", ", Enum.GetNames<Role>())}."));
            }

            claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
