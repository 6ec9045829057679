using Cases.Workflows.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cases.Api.Web;

/// <summary>
/// A page asked for something that is not there (or not the reader's to see) answers 404, and
/// something the reader's roles do not allow 403; both then show the status page in the reader's
/// language, never an error page with internals.
/// </summary>
public sealed class PageErrors : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var status = executed.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            _ => (int?)null,
        };
        if (status is { } code && !executed.ExceptionHandled)
        {
            executed.Result = new StatusCodeResult(code);
            executed.ExceptionHandled = true;
        }
    }
}
