using Cases.Domain.Clocks;
namespace Cases.Workflows.Engine.Definitions;

/// <summary>A state of a workflow: its name, the Chinese term for the step, and what entering it does to clocks.</summary>
public sealed record StateDefinition(string Name, string ChineseName, StateKind Kind, IReadOnlyList<ClockOperation> OnEnter);
