using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Engine.Catalog;

/// <summary>Supplies every version of one workflow; the catalog builds and checks them at start-up.</summary>
public interface IWorkflowDefinitionSource
{
    IEnumerable<WorkflowBuilder> Versions();
}
