using System.Globalization;
using Cases.Domain.Enterprises;
using Cases.Workflows.Access;
using Cases.Workflows.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Cases.Api.Infrastructure;

/// <summary>
/// A sign-in cookie of an enterprise user stops working once the enterprise is withdrawn from the
/// direct channel, as its bearer tokens do: checked on each request that carries such a cookie
/// (staff cookies are not affected), and the cookie is then dropped.
/// </summary>
public static class WithdrawnEnterpriseCookies
{
    public static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        if (!Guid.TryParse(context.Principal?.FindFirst(CasesClaimTypes.Enterprise)?.Value, CultureInfo.InvariantCulture, out var enterprise))
        {
            return;
        }

        var database = context.HttpContext.RequestServices.GetRequiredService<CasesDbContext>();
        var id = new EnterpriseId(enterprise);
        if (!await database.Enterprises.AnyAsync(candidate => candidate.Id == id && candidate.Status == KeyEnterpriseStatus.Active, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
