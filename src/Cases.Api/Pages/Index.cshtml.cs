using Cases.Api.Web;
using Cases.Domain.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cases.Api.Pages;

/// <summary>The home page sends each reader to where their work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        bool InAny(IEnumerable<Role> roles) => roles.Any(role => User.IsInRole(role.ToString()));
        if (User.IsInRole(nameof(Role.EnterpriseUser)))
        {
            return LocalRedirect("/portal");
        }

        var desk = WebRegistration.StaffRoles.Except(WebRegistration.NeutralRoles);
        return !InAny(desk) && InAny(WebRegistration.NeutralRoles) ? LocalRedirect("/neutrals") : LocalRedirect("/staff");
    }
}
