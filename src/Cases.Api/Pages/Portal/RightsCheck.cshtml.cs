using Cases.Api.Web;
using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// Checks a right's number as the reader types it (<c>GET /portal/rights/check?kind=…&amp;number=…</c>):
/// <c>{valid, message}</c> in the reader's language, by the same rule filing applies
/// (<see cref="NumberRules.Check"/>). For enterprise users only, as the folder's policy says. The
/// filing form's script sends its inputs under their own names (<c>rights[0].kind</c>,
/// <c>rights[0].number</c>), which are read as well, so the form needs no script of its own.
/// </summary>
public sealed class RightsCheckModel(Texts texts) : PageModel
{
    public JsonResult OnGet()
    {
        var kind = FilingForm.Parse<IntellectualPropertyKind>(Query("kind"));
        var number = Query("number");
        Response.Headers.CacheControl = "no-store";
        if (kind is not { } chosen)
        {
            return new JsonResult(new RightNumberCheck(false, texts["Choose the kind of right first."]));
        }

        return NumberRules.Check(chosen, number) is { } problem
            ? new JsonResult(new RightNumberCheck(false, RightNumberMessages.Explain(problem, texts)))
            : new JsonResult(new RightNumberCheck(true, RightNumberMessages.Valid(chosen, number, texts)));
    }

    /// <summary>A parameter by its name, or by a form input's name ending in it (e.g. <c>rights[2].number</c>).</summary>
    private string Query(string name) =>
        Request.Query.TryGetValue(name, out var exact)
            ? exact.ToString()
            : Request.Query.FirstOrDefault(pair => pair.Key.EndsWith("." + name, StringComparison.Ordinal)).Value.ToString();
}

/// <summary>The answer of the number check: whether the number is valid, and why not (or how it is written).</summary>
public sealed record RightNumberCheck(bool Valid, string Message);
