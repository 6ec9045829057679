using System.Xml.Linq;
using Cases.Api.Web;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Deadlines.ListDeadlineRules;
using Cases.Workflows.WorkflowDefinitions;
using Cases.Workflows.WorkflowDefinitions.GetWorkflow;
using Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;
using Cases.Workflows.WorkflowDefinitions.ListWorkflows;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// One version of a workflow: its diagram, its states, its transitions (who takes them, what they
/// ask for, which clocks they start and stop) and the time limits of its clocks.
/// </summary>
public sealed class WorkflowModel(WorkflowTerms terms) : AdminPageModel
{
    public WorkflowDefinitionView Definition { get; private set; } = null!;

    /// <summary>The diagram as inline SVG, named in the reader's language.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Diagram { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;

    /// <summary>The deadline rules of this workflow's clocks: each default, then the overrides in force.</summary>
    public IReadOnlyList<DeadlineRuleView> Rules { get; private set; } = [];

    /// <summary>The other versions of the same workflow.</summary>
    public IReadOnlyList<int> Versions { get; private set; } = [];

    public string Name => terms.Workflow(Definition.Id);

    public async Task OnGetAsync(string id, int version)
    {
        // An unknown workflow or version is not found (404), as in the API.
        Definition = await Mediator.Send(new GetWorkflowQuery(id, version), HttpContext.RequestAborted);
        var diagram = await Mediator.Send(new GetWorkflowDiagramQuery(id, version, Format: null), HttpContext.RequestAborted);
        Diagram = InlineSvg.Of(diagram.Content, T["State diagram of {0}, version {1}", Name, version]);
        var rules = await Mediator.Send(new ListDeadlineRulesQuery(), HttpContext.RequestAborted);
        var clocks = Clocks;
        Rules = [.. rules.Where(rule => rule.WorkflowId == Definition.Id && clocks.Contains(rule.Clock))];
        var workflows = await Mediator.Send(new ListWorkflowsQuery(), HttpContext.RequestAborted);
        Versions = [.. workflows.Where(workflow => workflow.Id == Definition.Id).SelectMany(workflow => workflow.Versions).Select(known => known.Version).Order()];
    }

    /// <summary>Every clock this version starts, stops, pauses, resumes or extends.</summary>
    public IReadOnlySet<string> Clocks =>
        Definition.States.SelectMany(state => state.OnEnter).Concat(Definition.Transitions.SelectMany(transition => transition.Clocks))
            .Select(operation => operation.Clock).ToHashSet(StringComparer.Ordinal);
}
