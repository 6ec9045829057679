using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>
/// Migrating running cases to a new workflow version (流程版本迁移) maps every state a running case
/// is in to a state the new version has; no case is left in a state its workflow does not know.
/// </summary>
public sealed class StateInUseMustBeMappedRule(string state, int runningCases, string? mappedTo, bool targetHasMappedState, WorkflowPin target) : IBusinessRule
{
    public string State => state;

    public int RunningCases => runningCases;

    public bool IsBroken() => mappedTo is null || !targetHasMappedState;

    public string Message => mappedTo is null
        ? $"The mapping does not say where the {runningCases} running case(s) in '{state}' go in {target}."
        : $"'{state}' is mapped to '{mappedTo}', which {target} does not have ({runningCases} running case(s)).";
}
