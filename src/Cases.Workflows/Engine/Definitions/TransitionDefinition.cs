using Cases.Domain.Access;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// An action that moves a case from one of <see cref="From"/> to <see cref="To"/>: who may take it,
/// what must hold (guards), what it takes (payload), the timeline event it records and the clock
/// operations it performs.
/// </summary>
public sealed record TransitionDefinition(
    string Action,
    string ChineseName,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<GuardDefinition> Guards,
    IReadOnlyList<PayloadField> Payload,
    string EventType,
    IReadOnlyList<ClockOperation> Clocks);
