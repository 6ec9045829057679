using Cases.Workflows.WorkflowDefinitions;
using Cases.Workflows.WorkflowDefinitions.ListWorkflows;

namespace Cases.Api.Pages.Admin;

/// <summary>The workflows (流程定义) the application runs, each with its versions.</summary>
public sealed class WorkflowsModel : AdminPageModel
{
    public IReadOnlyList<WorkflowSummaryView> Workflows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Workflows = await Mediator.Send(new ListWorkflowsQuery(), HttpContext.RequestAborted);

    public static string VersionUrl(string id, int version) => $"/admin/workflows/{Uri.EscapeDataString(id)}/{version}";
}
