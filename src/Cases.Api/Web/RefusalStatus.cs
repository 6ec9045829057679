using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cases.Api.Web;

/// <summary>
/// The status of a page shown again after a refusal, as the API would answer the same request:
/// 403 not allowed, 409 a conflict (the case changed meanwhile, or its state no longer offers the
/// action), 422 a broken rule, 400 bad fields. Read from what <see cref="PageProblems"/> put on the
/// page, so the page and the API never disagree about which refusal it was.
/// </summary>
public static class RefusalStatus
{
    public static int Of(IReadOnlyList<PageProblem> problems, ModelStateDictionary fields, Texts texts)
    {
        var headings = problems.Select(problem => problem.Heading).ToHashSet(StringComparer.Ordinal);
        if (headings.Contains(texts["You are not allowed to do this."]))
        {
            return StatusCodes.Status403Forbidden;
        }

        if (headings.Contains(texts["Someone else changed this case while you were working on it."])
            || headings.Contains(texts["This action is no longer open: the case has moved on."]))
        {
            return StatusCodes.Status409Conflict;
        }

        if (headings.Contains(texts["This cannot be done, because:"])
            || headings.Contains(texts["This form was already sent with other values. Reload the page and try again."]))
        {
            return StatusCodes.Status422UnprocessableEntity;
        }

        return StatusCodes.Status400BadRequest;
    }
}
