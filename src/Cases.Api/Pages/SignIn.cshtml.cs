using Cases.Api.Web;
using Cases.Workflows.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cases.Api.Pages;

/// <summary>
/// The sign-in form of the web interface (antiforgery-checked); it sets Identity's cookie and returns
/// to the page asked for. Its error comes only from this code, never from the query string, so a
/// link cannot put words on the page.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn passwords, SignInManager<CasesUser> signIn, Texts texts) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public string? Username { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalPaths.OrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl)
    {
        ReturnUrl = LocalPaths.OrHome(returnUrl);
        Username = username;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return Refused(texts["Enter your username and password."]);
        }

        try
        {
            var user = await passwords.VerifyAsync(username.Trim(), password, HttpContext.RequestAborted);
            await signIn.SignInAsync(user, isPersistent: false);
            return LocalRedirect(ReturnUrl);
        }
        catch (SignInFailedException)
        {
            // One message for a wrong password, an unknown user and a locked account, as the API gives.
            return Refused(texts["The username or password is wrong, or the account is locked for now. Try again later."]);
        }
    }

    private PageResult Refused(string error)
    {
        Error = error;
        return new PageResult { StatusCode = StatusCodes.Status401Unauthorized };
    }
}
