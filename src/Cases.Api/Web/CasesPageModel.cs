using Cases.Domain.Cases;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Cases.TakeAction;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cases.Api.Web;

/// <summary>
/// A page of the web interface: it sends the same commands and queries as the API, and shows a
/// refusal on the page (beside the fields, or as sentences) instead of as problem details.
/// </summary>
public abstract class CasesPageModel : PageModel
{
    private readonly List<PageProblem> problems = [];

    /// <summary>Refusals to show at the top of the page.</summary>
    public IReadOnlyList<PageProblem> Problems => problems;

    /// <summary>The status the page answers a refused form with, as the API would: 400, 403, 409 or 422.</summary>
    public int RefusalStatusCode { get; protected set; } = StatusCodes.Status409Conflict;

    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected Texts T => HttpContext.RequestServices.GetRequiredService<Texts>();

    protected ICurrentActor Current => HttpContext.RequestServices.GetRequiredService<ICurrentActor>();

    /// <summary>The first message for a form field (named as its JSON field), if it has one.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Sends a request; a refusal the reader can act on is put on the page and the result says it failed.</summary>
    protected async Task<Sent<TResponse>> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        try
        {
            return Sent<TResponse>.Success(await Mediator.Send(request, HttpContext.RequestAborted));
        }
        catch (Exception exception) when (PageProblems.TryShow(exception, ModelState, problems, T) is { } status)
        {
            RefusalStatusCode = status;
            return Sent<TResponse>.Refused;
        }
    }

    /// <summary>
    /// Takes the workflow action the posted form names (fields <c>action</c>, <c>expectedVersion</c>
    /// and <c>payload.*</c>). An action no longer open to the reader is refused on the page, like a
    /// conflict; the version makes a change made meanwhile by someone else a conflict too.
    /// </summary>
    protected async Task<Sent<ActionTakenView>> TakeActionAsync(Guid caseId)
    {
        var action = Request.Form["action"].ToString();
        var available = await Mediator.Send(new ListAvailableActionsQuery(new CaseId(caseId)), HttpContext.RequestAborted);
        var transition = available.Actions.FirstOrDefault(open => open.Action == action);
        if (transition is null)
        {
            ShowProblem(T["This action is no longer open: the case has moved on."]);
            RefusalStatusCode = StatusCodes.Status409Conflict;
            return Sent<ActionTakenView>.Refused;
        }

        int? expectedVersion = int.TryParse(Request.Form["expectedVersion"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
        return await SendAsync(new TakeActionCommand(new CaseId(caseId), action, expectedVersion, ActionForm.PayloadFrom(Request.Form, transition)));
    }

    /// <summary>The page again, with its refusals, under the status the refusal calls for.</summary>
    protected PageResult Refused() => new() { StatusCode = RefusalStatusCode };

    /// <summary>A sentence to show at the top of the page, e.g. when a form names an action that is no longer open.</summary>
    protected void ShowProblem(string heading, params string[] reasons) => problems.Add(new PageProblem(heading, reasons));

    /// <summary>A one-off notice for the next page (after a redirect), e.g. "Case filed".</summary>
    protected void Notify(string message) => TempData[NoticeKey] = message;

    public const string NoticeKey = "cases.notice";
}

/// <summary>The outcome of a request sent from a page: its response, or refused (the reasons are on the page).</summary>
public sealed record Sent<TResponse>(bool Succeeded, TResponse? Value)
{
    public static Sent<TResponse> Success(TResponse value) => new(true, value);

    public static Sent<TResponse> Refused { get; } = new(false, default);
}
