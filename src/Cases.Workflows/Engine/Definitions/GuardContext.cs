using Cases.Domain.Cases;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>What a guard may look at: the case as it stands, the action's payload, the time, and recorded facts.</summary>
public sealed record GuardContext(Case Case, ActionPayload Payload, DateTimeOffset Now, IWorkflowFacts Facts);
