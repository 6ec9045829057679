using Cases.Workflows.Access;
using Microsoft.AspNetCore.Localization;

namespace Cases.Api.Web;

/// <summary>
/// Chooses the language of a request: the choice remembered in a cookie, else the browser's
/// Accept-Language (so the very first page, the sign-in form, is already in the reader's language),
/// else the signed-in user's centre's default, else Simplified Chinese.
/// </summary>
public sealed class LanguageChoice : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = Languages.FromCode(httpContext.Request.Cookies[Languages.CookieName])
            ?? Languages.FromAcceptLanguage(httpContext.Request.Headers.AcceptLanguage)
            ?? Languages.DefaultForCentre(httpContext.User.FindFirst(CasesClaimTypes.Centre)?.Value);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.Code));
    }

    /// <summary>Remembers a choice for a year; the cookie is readable only by the server and sent only to this site.</summary>
    public static void Remember(HttpResponse response, Language language) =>
        response.Cookies.Append(Languages.CookieName, language.Code, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });
}
