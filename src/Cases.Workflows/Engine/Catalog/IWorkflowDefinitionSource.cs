using Cases.Domain.Deadlines;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Engine.Catalog;

/// <summary>Supplies every version of one workflow, and the deadline rules of its clocks; the catalogs build and check them at start-up.</summary>
public interface IWorkflowDefinitionSource
{
    IEnumerable<WorkflowBuilder> Versions();

    /// <summary>The default deadline rule of each clock the workflow starts.</summary>
    IEnumerable<DeadlineRule> DeadlineRules();
}
