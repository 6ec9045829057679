using Cases.Api.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cases.Api.Pages;

/// <summary>What a reader sees for a page that is not there, not theirs, or failed: a sentence in their language, never internals.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel(Texts texts) : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    // A refused form post is re-executed here as a POST: it must show the same page. The code is read
    // from the route, not bound: binding would read the refused form (a stale antiforgery token).
    public void OnPost() => Describe(int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : StatusCodes.Status500InternalServerError);

    private void Describe(int code)
    {
        // Re-executed for an error status or an exception: the status already set is the one to describe.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
        {
            code = Response.StatusCode;
        }
        else
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        }

        (Heading, Explanation) = code switch
        {
            StatusCodes.Status404NotFound => (texts["Not found"].Value, texts["There is nothing here, or it is not yours to see."].Value),
            StatusCodes.Status403Forbidden => (texts["Not allowed"].Value, texts["Your roles do not allow this page or action."].Value),
            StatusCodes.Status400BadRequest => (texts["The form could not be accepted"].Value, texts["The page may have been open too long. Go back, reload it and try again."].Value),
            StatusCodes.Status429TooManyRequests => (texts["Too many requests"].Value, texts["Wait a minute and try again."].Value),
            _ => (texts["Something went wrong"].Value, texts["The error was logged. Nothing was changed by this request."].Value),
        };
    }
}
