using Cases.Api.Web;
using Cases.Domain.Cases;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Deadlines.GetCaseDeadlines;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Pipeline;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// A page of the direct channel (直通车) for a key enterprise's user. The folder's policy admits
/// only enterprise users; the queries themselves keep them to their enterprise's cases.
/// </summary>
public abstract class PortalPageModel : CasesPageModel
{
    /// <summary>Workflow names (states, actions, fields) in the reader's language.</summary>
    protected WorkflowTerms Terms => HttpContext.RequestServices.GetRequiredService<WorkflowTerms>();

    /// <summary>Today in the 9+2 (UTC+8) by the application's clock.</summary>
    public DateOnly Today => DeadlineList.TodayBy(HttpContext.RequestServices.GetRequiredService<TimeProvider>());

    /// <summary>The reader's enterprise: an enterprise user who belongs to none has no portal.</summary>
    protected Guid Enterprise => Current.Scope.Enterprise?.Value
        ?? throw new ForbiddenException($"The direct channel is for users of a key enterprise; '{Current.Actor}' belongs to none.");

    /// <summary>What the enterprise can do about one of its cases now, and by when: two queries, as the API answers them.</summary>
    protected async Task<CaseProgress> ProgressAsync(Guid caseId)
    {
        var id = new CaseId(caseId);
        var position = await Mediator.Send(new ListAvailableActionsQuery(id), HttpContext.RequestAborted);
        var deadlines = await Mediator.Send(new GetCaseDeadlinesQuery(id), HttpContext.RequestAborted);
        return CaseProgress.Of(position, deadlines.Select(entry => entry.Deadline), HttpContext.RequestServices.GetRequiredService<WorkflowCatalog>(), Today);
    }
}
