namespace Cases.Workflows.Engine.Diagrams;

/// <summary>
/// Where a case stands on a diagram of its workflow: its current state, and the transitions it
/// took to get there, in order. Names the definition does not have are ignored.
/// </summary>
public sealed record DiagramHighlight(string CurrentState, IReadOnlyList<TakenTransition> Path)
{
    /// <summary>States the path passed through, other than the current one.</summary>
    internal bool Visited(string state) =>
        state != CurrentState && Path.Any(step => step.From == state || step.To == state);

    internal bool Took(string from, string action, string to) =>
        Path.Any(step => step.From == from && step.Action == action && step.To == to);
}

/// <summary>One step a case took: the action, the state it was taken from and the state it led to (the same state for an action that leaves the case in place).</summary>
public sealed record TakenTransition(string From, string Action, string To);
