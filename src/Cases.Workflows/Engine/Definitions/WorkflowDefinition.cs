using Cases.Domain.Cases;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// A versioned, immutable description of a procedure (程序): its states and the transitions
/// between them. Cases are pinned to the version they started on. Built and checked by
/// <see cref="WorkflowBuilder"/>; an instance that exists has passed every check.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, StateDefinition> statesByName;
    private readonly ILookup<string, TransitionDefinition> transitionsByState;

    internal WorkflowDefinition(string id, int version, string name, string chineseName, IReadOnlyList<CaseKind> kinds, IReadOnlyList<StateDefinition> states, IReadOnlyList<TransitionDefinition> transitions)
    {
        Id = id;
        Version = version;
        Name = name;
        ChineseName = chineseName;
        Kinds = kinds;
        States = states;
        Transitions = transitions;
        statesByName = states.GroupBy(state => state.Name).ToDictionary(group => group.Key, group => group.First());
        transitionsByState = transitions.SelectMany(transition => transition.From.Select(from => (from, transition))).ToLookup(pair => pair.from, pair => pair.transition);
    }

    /// <summary>A stable, kebab-case identifier, e.g. <c>rights-defence</c>.</summary>
    public string Id { get; }

    public int Version { get; }

    public string Name { get; }

    public string ChineseName { get; }

    /// <summary>The kinds of case that start on this workflow when filed.</summary>
    public IReadOnlyList<CaseKind> Kinds { get; }

    public WorkflowPin Pin => new(Id, Version);

    public IReadOnlyList<StateDefinition> States { get; }

    public IReadOnlyList<TransitionDefinition> Transitions { get; }

    public StateDefinition Initial => States.First(state => state.Kind == StateKind.Initial);

    public bool TryGetState(string name, out StateDefinition state) => statesByName.TryGetValue(name, out state!);

    /// <summary>The transitions that may be taken from a state, in definition order.</summary>
    public IEnumerable<TransitionDefinition> TransitionsFrom(string state) => transitionsByState[state];

    public bool TryGetTransition(string state, string action, out TransitionDefinition transition)
    {
        transition = TransitionsFrom(state).FirstOrDefault(candidate => candidate.Action == action)!;
        return transition is not null;
    }

    public override string ToString() => $"{Id} v{Version}";
}
