using Cases.Domain.Cases;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.GetCase;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// One of the enterprise's cases as the enterprise sees it (<see cref="EnterpriseCaseView"/>): where
/// it stands, what is expected next and by when, its time limits and history, and the steps an
/// enterprise user can take as forms. Another enterprise's case is not found, like a missing one.
/// </summary>
public sealed class CaseModel : PortalPageModel
{
    public EnterpriseCaseView Case { get; private set; } = null!;

    public CaseProgress Progress { get; private set; } = null!;

    public IReadOnlyList<CaseEventView> Timeline { get; private set; } = [];

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    /// <summary>Takes the step the posted form names; after it, back to the case (PRG), else the page again with why not.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        _ = Enterprise;
        var action = Request.Form["action"].ToString();
        var taken = await TakeActionAsync(id);
        if (taken.Succeeded)
        {
            var position = await Mediator.Send(new ListAvailableActionsQuery(new CaseId(id)), HttpContext.RequestAborted);
            var pin = new WorkflowPin(position.Pin.Id, position.Pin.Version);
            Notify(T["Done: {0}. The case is now at the step “{1}”.", Terms.Action(pin, action), Terms.State(pin, position.State)]);
            return LocalRedirect($"/portal/cases/{id}");
        }

        await LoadAsync(id);
        Response.StatusCode = RefusalStatusCode;
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        _ = Enterprise;
        var caseId = new CaseId(id);
        // Only the enterprise view belongs on these pages (an enterprise user always gets it for its own cases).
        Case = await Mediator.Send(new GetCaseQuery(caseId), HttpContext.RequestAborted) as EnterpriseCaseView
            ?? throw new NotFoundException("Case", id.ToString());
        Progress = await ProgressAsync(id);
        // Newest first, like the list of cases.
        Timeline = [.. (await Mediator.Send(new GetCaseTimelineQuery(caseId), HttpContext.RequestAborted)).Events.Reverse()];
    }
}
