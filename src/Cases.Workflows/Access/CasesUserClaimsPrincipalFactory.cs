using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cases.Workflows.Access;

/// <summary>Identity's principal for cookie sign-in, with the centre and enterprise claims a token's principal has too.</summary>
public sealed class CasesUserClaimsPrincipalFactory(UserManager<CasesUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CasesUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CasesUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        CasesPrincipal.AddBelonging(identity, [], user.Centre, user.EnterpriseId);
        return identity;
    }
}
