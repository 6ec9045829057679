using Cases.Api.Web;
using Cases.Domain.Cases;
using Cases.Workflows.Cases.GetAssignedCase;
using Cases.Workflows.Cases.ListAssignedCases;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.WorkflowDefinitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cases.Api.Pages.Neutrals;

/// <summary>
/// One of the reader's cases as mediator or arbitrator: what it is about, who the parties are, the
/// sessions and steps so far, the deadlines, and a short form for each step the reader may take
/// now (record a session, the outcome, the hearing, the award). A case that is not the reader's is
/// not found here (404), even for a mediator who could see it on the staff pages.
/// </summary>
public sealed class CaseModel(TimeProvider clock) : CasesPageModel
{
    /// <summary>The steps with a form written for them; any other step open to the reader gets the generic form.</summary>
    public static readonly IReadOnlySet<string> DedicatedActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "recordSession", "recordAgreement", "recordFailure", "holdHearing", "renderAward", "recordSettlement", "endMediation",
    };

    public AssignedCaseView Case { get; private set; } = null!;

    public AvailableActionsView Available { get; private set; } = null!;

    /// <summary>Today in UTC+8: the date a new session, agreement, hearing or award defaults to.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The step a refused form was sent for: its values and messages are shown again in that form only.</summary>
    public string? PostedAction { get; private set; }

    public string PostUrl => $"/neutrals/cases/{Case.Id}";

    public WorkflowPin Pin => new(Case.Workflow.Id, Case.Workflow.Version);

    public DeadlineList Deadlines => new(Case.Deadlines, Today);

    /// <summary>The steps open to the reader that have no dedicated form (e.g. applying for judicial confirmation).</summary>
    public IEnumerable<TransitionView> OtherActions =>
        Available.Actions.Where(action => Case.OpenActions.Contains(action.Action) && !DedicatedActions.Contains(action.Action));

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // Not the reader's case: not found, before anything is taken.
        await LoadAsync(id);
        PostedAction = Request.Form["action"].ToString();
        if (!Case.OpenActions.Contains(PostedAction))
        {
            ShowProblem(T["This action is no longer open: the case has moved on."]);
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }

        var sent = await TakeActionAsync(id);
        if (sent.Succeeded)
        {
            Notify(NoticeFor(PostedAction));
            return LocalRedirect(PostUrl);
        }

        // The case as it is now: after a conflict the forms carry the current version.
        await LoadAsync(id);
        return Refused();
    }

    /// <summary>The form of a step, if the step is open to the reader now.</summary>
    public NeutralForm? Form(string action, string legend, string button, string? intro, params NeutralFieldSpec[] fields)
    {
        var transition = Available.Actions.FirstOrDefault(open => open.Action == action);
        if (transition is null || !Case.OpenActions.Contains(action))
        {
            return null;
        }

        var posted = PostedAction == action;
        var built = fields.Select(spec =>
        {
            var schema = transition.Payload.Properties.GetValueOrDefault(spec.Name);
            var name = ActionForm.FieldPrefix + spec.Name;
            return new NeutralField(
                name,
                $"{action}-{spec.Name}",
                spec.Label,
                spec.Hint,
                schema?.Kind == PayloadFieldKind.Date ? NeutralFieldKind.Date : NeutralFieldKind.LongText,
                transition.Payload.Required.Contains(spec.Name),
                posted ? Request.Form[name].ToString() : spec.Default,
                posted ? ErrorFor(name) : null,
                schema?.MaxLength);
        }).ToList();
        return new NeutralForm(action, legend, button, intro, PostUrl, Case.Version, built);
    }

    public string TodayInput => Formats.InputDate(Today);

    private async Task LoadAsync(Guid id)
    {
        Today = DeadlineList.TodayBy(clock);
        Case = await Mediator.Send(new GetAssignedCaseQuery(new CaseId(id)), HttpContext.RequestAborted);
        Available = await Mediator.Send(new ListAvailableActionsQuery(new CaseId(id)), HttpContext.RequestAborted);
        ViewData["Title"] = $"{Case.Number} {Case.Title}";
    }

    private string NoticeFor(string action) => action switch
    {
        "recordSession" => T["The session was recorded."],
        "recordAgreement" => T["The agreement was recorded. The parties now have 30 days to apply for judicial confirmation."],
        "recordFailure" => T["The failure of the mediation was recorded."],
        "holdHearing" => T["The hearing was recorded. The award is next."],
        "renderAward" => T["The award was recorded and its deadline closed."],
        "recordSettlement" => T["The settlement was recorded. The case is closed."],
        "endMediation" => T["The end of the mediation was recorded. The case returns to its case handler."],
        _ => T["Done: {0}.", HttpContext.RequestServices.GetRequiredService<WorkflowTerms>().Action(Pin, action)],
    };
}

/// <summary>A field of a dedicated form as the page asks for it: its payload name, label, hint and default.</summary>
public sealed record NeutralFieldSpec(string Name, string Label, string? Hint = null, string? Default = null);

public enum NeutralFieldKind
{
    Date = 1,
    LongText = 2,
}

/// <summary>A field ready to draw: named as the API's payload (<c>payload.notes</c>), with the value and message to show again after a refusal.</summary>
public sealed record NeutralField(string Name, string Id, string Label, string? Hint, NeutralFieldKind Kind, bool Required, string? Value, string? Error, int? MaxLength);

/// <summary>A dedicated form for one workflow step, posted as <c>action</c>, <c>expectedVersion</c> and <c>payload.*</c>.</summary>
public sealed record NeutralForm(string Action, string Legend, string Button, string? Intro, string PostUrl, int Version, IReadOnlyList<NeutralField> Fields);
