using System.Xml.Linq;
using Cases.Api.Web;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Enterprises;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.AddInternalNote;
using Cases.Workflows.Cases.ChangeCasePriority;
using Cases.Workflows.Cases.GetCase;
using Cases.Workflows.Cases.GetCaseDiagram;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Deadlines.GetCaseDeadlines;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Pipeline;
using Cases.Workflows.WorkflowDefinitions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Staff;

/// <summary>
/// A case as the centre's staff work on it: what it is, who and which rights it concerns, where it
/// stands in its workflow (drawn), its deadlines, its timeline, and a form for each action open to
/// the reader, an internal note and the priority mark. Each form posts back here; a success
/// redirects to the page with a notice, a refusal shows the page again with its reasons and the
/// status the API would answer (400, 403, 409 or 422).
/// </summary>
public sealed class StaffCaseModel(TimeProvider clock, WorkflowCatalog workflows) : CasesPageModel
{
    public const string NoteForm = "note";
    public const string PriorityForm = "priority";

    public CaseView Case { get; private set; } = null!;

    public AvailableActionsView Available { get; private set; } = null!;

    public DeadlineList Deadlines { get; private set; } = new([], default);

    public CaseTimelineView Timeline { get; private set; } = null!;

    /// <summary>The workflow drawn as inline SVG, named in the reader's language.</summary>
    public IHtmlContent Diagram { get; private set; } = HtmlString.Empty;

    public WorkflowPin Pin => new(Case.Workflow.Id, Case.Workflow.Version);

    /// <summary>The definition the case is pinned to, for how its kept values are written.</summary>
    public WorkflowDefinition? Definition => workflows.TryGet(Pin, out var definition) ? definition : null;

    /// <summary>Which of the page's own forms (note, priority) was posted and refused: it shows what was entered.</summary>
    public string? Posted { get; private set; }

    /// <summary>Triage decides the priority mark (分流), at a centre that may change the case.</summary>
    public bool MayChangePriority => MayChange(ReferralEffect.None) && StaffRoles.Triage.Any(Current.Roles.Contains);

    /// <summary>
    /// The actions open to the reader's roles that their centre may also take on this case: a
    /// centre that only reads it (it received the case before a referral, or is offered it) gets
    /// no form that would only be refused.
    /// </summary>
    public IReadOnlyList<TransitionView> OpenActions => [.. Available.Actions.Where(action => MayChange(action.Referral))];

    /// <summary>Whether the reader's centre may change the case this way (the same rule the commands apply).</summary>
    public bool MayChange(ReferralEffect referral) =>
        Current.Scope.MayChange(
            new CentreCode(Case.HandlingCentre),
            Case.ReferredTo is { } referredTo ? new CentreCode(referredTo) : null,
            Case.Enterprise is { } enterprise ? new EnterpriseId(enterprise) : null,
            referral);

    public CaseDisplay Display => ActivatorUtilities.CreateInstance<CaseDisplay>(HttpContext.RequestServices);

    public string PostUrl(string handler) => $"/staff/cases/{Case.Id}?handler={handler}";

    /// <summary>What the reader entered in a field of the page's own form, when that form was refused.</summary>
    public string? Entered(string form, string field) => Posted == form ? Request.Form[field].ToString() : null;

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostActionAsync(Guid id)
    {
        var taken = await TakeActionAsync(id);
        if (!taken.Succeeded)
        {
            return await RefusedAsync(id, form: null);
        }

        var after = (CaseView)taken.Value!.Case;
        var pin = new WorkflowPin(after.Workflow.Id, after.Workflow.Version);
        var terms = HttpContext.RequestServices.GetRequiredService<WorkflowTerms>();
        Notify(T["Done: {0}. The case is now at “{1}”.", terms.Action(pin, Request.Form["action"].ToString()), terms.State(pin, after.State)]);
        return Reload(id);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, int? expectedVersion)
    {
        var added = await SendAsync(new AddInternalNoteCommand(new CaseId(id), text, expectedVersion));
        if (!added.Succeeded)
        {
            return await RefusedAsync(id, NoteForm);
        }

        Notify(T["The internal note was added to the timeline."]);
        return Reload(id);
    }

    public async Task<IActionResult> OnPostPriorityAsync(Guid id, bool? priority, string? reason, int? expectedVersion)
    {
        var changed = await SendAsync(new ChangeCasePriorityCommand(new CaseId(id), priority, reason, expectedVersion));
        if (!changed.Succeeded)
        {
            return await RefusedAsync(id, PriorityForm);
        }

        Notify(changed.Value!.Priority ? T["The case is now marked as a priority."] : T["The priority mark was removed."]);
        return Reload(id);
    }

    private LocalRedirectResult Reload(Guid id) => LocalRedirect($"/staff/cases/{id}");

    /// <summary>The page again, as the case is now, with the refusal and the API's status for it.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string? form)
    {
        Posted = form;
        await LoadAsync(id);
        return Refused();
    }

    private async Task LoadAsync(Guid id)
    {
        var caseId = new CaseId(id);
        var cancellation = HttpContext.RequestAborted;
        // Staff pages show the staff view; anyone else reading through here would be an enterprise user with a staff role.
        Case = await Mediator.Send(new GetCaseQuery(caseId), cancellation) as CaseView
            ?? throw new ForbiddenException("The staff case page shows the staff view of a case.");
        Available = await Mediator.Send(new ListAvailableActionsQuery(caseId), cancellation);
        var deadlines = await Mediator.Send(new GetCaseDeadlinesQuery(caseId), cancellation);
        Deadlines = new DeadlineList([.. deadlines.Select(entry => entry.Deadline)], DeadlineList.TodayBy(clock));
        Timeline = await Mediator.Send(new GetCaseTimelineQuery(caseId), cancellation);
        var diagram = await Mediator.Send(new GetCaseDiagramQuery(caseId, null), cancellation);
        var terms = HttpContext.RequestServices.GetRequiredService<WorkflowTerms>();
        Diagram = InlineSvg.Of(diagram.Content, T["The workflow “{0}”, with the case at “{1}” and the steps it took highlighted.", terms.Workflow(Case.Workflow.Id), terms.State(Pin, Case.State)]);
    }
}
