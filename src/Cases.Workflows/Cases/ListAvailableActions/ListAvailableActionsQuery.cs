using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;
using Cases.Workflows.WorkflowDefinitions;

namespace Cases.Workflows.Cases.ListAvailableActions;

/// <summary>The actions the caller can take on a case now (可办理事项), each with its payload's schema.</summary>
public sealed record ListAvailableActionsQuery(CaseId CaseId) : IQuery<AvailableActionsView>, ICaseQuery;

/// <summary>Where the case stands and what the caller can do about it; <see cref="Version"/> is what to send as <c>expectedVersion</c>.</summary>
public sealed record AvailableActionsView(Guid CaseId, string Number, string Workflow, string State, string StateChineseName, int Version, IReadOnlyList<TransitionView> Actions)
{
    /// <summary>The workflow version the case runs on (<see cref="Workflow"/> names it for people).</summary>
    public required WorkflowPinView Pin { get; init; }
}
