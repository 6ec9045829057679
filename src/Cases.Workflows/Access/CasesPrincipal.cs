using System.Globalization;
using System.Security.Claims;
using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Domain.Enterprises;

namespace Cases.Workflows.Access;

/// <summary>
/// The one shape of a signed-in principal, whether it came with a cookie or a bearer token: the
/// user's id and name, their roles, and their centre or enterprise. Written and read only here.
/// </summary>
public static class CasesPrincipal
{
    public static ClaimsIdentity Identity(TokenCaller caller, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, caller.UserId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, caller.UserName));
        identity.AddClaim(new Claim(CasesClaimTypes.Token, caller.TokenId.ToString()));
        if (caller.Kind == AccessTokenKind.Personal)
        {
            identity.AddClaim(new Claim(CasesClaimTypes.PersonalAccessToken, "true"));
        }

        AddBelonging(identity, caller.Roles.Select(role => role.ToString()), caller.Centre, caller.EnterpriseId);
        return identity;
    }

    /// <summary>Adds roles (unless already there), centre and enterprise claims.</summary>
    public static void AddBelonging(ClaimsIdentity identity, IEnumerable<string> roles, CentreCode? centre, Guid? enterprise)
    {
        foreach (var role in roles.Where(role => !identity.HasClaim(ClaimTypes.Role, role)))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        if (centre is { } code)
        {
            identity.AddClaim(new Claim(CasesClaimTypes.Centre, code.Value));
        }

        if (enterprise is { } id)
        {
            identity.AddClaim(new Claim(CasesClaimTypes.Enterprise, id.ToString()));
        }
    }

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static IReadOnlySet<Role> Roles(ClaimsPrincipal principal) =>
        principal.FindAll(ClaimTypes.Role)
            .Select(claim => Enum.TryParse<Role>(claim.Value, out var role) && Enum.IsDefined(role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();

    /// <summary>
    /// System administrators see every case; an enterprise's user only the enterprise's cases, and
    /// staff their centre's; anyone else nothing.
    /// </summary>
    public static AccessScope Scope(ClaimsPrincipal principal, IReadOnlySet<Role> roles)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return AccessScope.Nothing;
        }

        if (roles.Contains(Role.SystemAdmin))
        {
            return AccessScope.Everything;
        }

        if (Guid.TryParse(principal.FindFirstValue(CasesClaimTypes.Enterprise), CultureInfo.InvariantCulture, out var enterprise))
        {
            return AccessScope.OfEnterprise(new EnterpriseId(enterprise));
        }

        return principal.FindFirstValue(CasesClaimTypes.Centre) is { Length: > 0 } centre
            ? AccessScope.OfCentre(new CentreCode(centre))
            : AccessScope.Nothing;
    }
}
