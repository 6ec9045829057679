using Cases.Domain.Cases;
using Cases.Domain.Clocks;
using System.Text.RegularExpressions;
using Cases.Domain.Access;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// The checks every definition passes before the application starts with it. Each problem says
/// which state or transition breaks which check, so a mistake is found at start-up, not by a case
/// stuck in production.
/// </summary>
public static partial class WorkflowDefinitionChecks
{
    /// <summary>The payload field naming the centre a case is referred to.</summary>
    public const string ReferralCentreField = "centre";

    public static IReadOnlyList<string> ProblemsOf(WorkflowDefinition definition)
    {
        var problems = new List<string>();
        CheckIdentity(definition, problems);
        CheckStates(definition, problems);
        CheckTransitions(definition, problems);
        if (problems.Count == 0)
        {
            // Reachability and dead ends only mean something once every name resolves.
            CheckReachability(definition, problems);
            CheckDeadEnds(definition, problems);
            CheckClocks(definition, problems);
        }

        return problems;
    }

    private static void CheckIdentity(WorkflowDefinition definition, List<string> problems)
    {
        if (!KebabCase().IsMatch(definition.Id))
        {
            problems.Add($"The id '{definition.Id}' must be lower-case words joined by '-', e.g. rights-defence.");
        }

        if (definition.Version < 1)
        {
            problems.Add($"The version must be 1 or more, not {definition.Version}.");
        }
    }

    private static void CheckStates(WorkflowDefinition definition, List<string> problems)
    {
        foreach (var duplicate in definition.States.GroupBy(state => state.Name).Where(group => group.Count() > 1))
        {
            problems.Add($"State '{duplicate.Key}' is defined {duplicate.Count()} times.");
        }

        foreach (var state in definition.States.Where(state => !PascalCase().IsMatch(state.Name)))
        {
            problems.Add($"State '{state.Name}' must be named in PascalCase, e.g. AwaitingDefence.");
        }

        var initial = definition.States.Count(state => state.Kind == StateKind.Initial);
        if (initial != 1)
        {
            problems.Add($"A definition has exactly one initial state; this one has {initial}.");
        }

        if (!definition.States.Any(state => state.Kind == StateKind.Terminal))
        {
            problems.Add("A definition has at least one terminal state, or no case could ever close.");
        }
    }

    private static void CheckTransitions(WorkflowDefinition definition, List<string> problems)
    {
        var stateNames = definition.States.Select(state => state.Name).ToHashSet();
        foreach (var transition in definition.Transitions)
        {
            var name = $"Transition '{transition.Action}'";
            if (!CamelCase().IsMatch(transition.Action))
            {
                problems.Add($"{name} must be named in camelCase, e.g. acceptCase.");
            }

            if (transition.From.Count == 0)
            {
                problems.Add($"{name} starts from no state.");
            }

            foreach (var source in transition.From.Where(source => !stateNames.Contains(source)))
            {
                problems.Add($"{name} starts from undefined state '{source}'.");
            }

            if (transition.To is { Length: 0 })
            {
                problems.Add($"{name} names no target state; say To(state) or StaysInPlace().");
            }
            else if (transition.To is { } target && !stateNames.Contains(target))
            {
                problems.Add($"{name} leads to undefined state '{target}'.");
            }

            foreach (var source in transition.From.Where(source => definition.States.Any(state => state.Name == source && state.Kind == StateKind.Terminal)))
            {
                problems.Add($"{name} leaves terminal state '{source}'; nothing leaves a terminal state.");
            }

            if (transition.Roles.Count == 0)
            {
                problems.Add($"{name} names no role allowed to take it.");
            }

            foreach (var role in transition.Roles.Where(role => !Enum.IsDefined(role)))
            {
                problems.Add($"{name} names role {(int)role}, which does not exist; the roles are {string.Join(", ", Enum.GetNames<Role>())}.");
            }

            foreach (var kept in transition.Keeps.Where(kept => transition.Payload.All(field => field.Name != kept)))
            {
                problems.Add($"{name} keeps the field '{kept}', which it does not take.");
            }

            if (transition.Referral == ReferralEffect.Refer && !transition.Payload.Any(field => field is { Name: ReferralCentreField, Kind: PayloadFieldKind.CentreCode }))
            {
                problems.Add($"{name} refers the case but takes no centre field '{ReferralCentreField}'.");
            }

            foreach (var message in transition.Sends.Where(message => message.Recipient.Kind == MessageRecipientKind.PayloadCentre
                         && !transition.Payload.Any(field => field.Name == message.Recipient.Value && field.Kind == PayloadFieldKind.CentreCode)))
            {
                problems.Add($"{name} sends {message.Type} to the centre in '{message.Recipient.Value}', which is not a centre field it takes.");
            }

            foreach (var message in transition.Sends.Where(message => !EventName().IsMatch(message.Type)))
            {
                problems.Add($"{name} sends a message named '{message.Type}'; name it {{Noun}}{{PastVerb}} in PascalCase, e.g. CaseReferred.");
            }

            if (!EventName().IsMatch(transition.EventType))
            {
                problems.Add($"{name} must record a timeline event named {{Noun}}{{PastVerb}} in PascalCase, e.g. CaseAccepted; '{transition.EventType}' is not.");
            }

            foreach (var duplicate in transition.Payload.GroupBy(field => field.Name).Where(group => group.Count() > 1))
            {
                problems.Add($"{name} takes the field '{duplicate.Key}' twice.");
            }

            foreach (var choice in transition.Payload.Where(field => field.Kind == PayloadFieldKind.Choice && (field.AllowedValues is null || field.AllowedValues.Count == 0)))
            {
                problems.Add($"{name}: choice field '{choice.Name}' lists no allowed values.");
            }
        }

        foreach (var duplicate in definition.Transitions
                     .SelectMany(transition => transition.From.Select(source => (Source: source, transition.Action)))
                     .GroupBy(pair => pair)
                     .Where(group => group.Count() > 1))
        {
            problems.Add($"Action '{duplicate.Key.Action}' is defined {duplicate.Count()} times from state '{duplicate.Key.Source}'.");
        }
    }

    private static void CheckReachability(WorkflowDefinition definition, List<string> problems)
    {
        var reached = new HashSet<string> { definition.Initial.Name };
        var frontier = new Queue<string>(reached);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var transition in definition.TransitionsFrom(state))
            {
                if (transition.To is { } target && reached.Add(target))
                {
                    frontier.Enqueue(target);
                }
            }
        }

        foreach (var state in definition.States.Where(state => !reached.Contains(state.Name)))
        {
            problems.Add($"State '{state.Name}' cannot be reached from the initial state '{definition.Initial.Name}'.");
        }
    }

    private static void CheckDeadEnds(WorkflowDefinition definition, List<string> problems)
    {
        foreach (var state in definition.States.Where(state => state.Kind != StateKind.Terminal && definition.TransitionsFrom(state.Name).All(transition => transition.StaysInPlace)))
        {
            problems.Add($"State '{state.Name}' is not terminal but no transition leaves it: a case there would be stuck.");
        }
    }

    private static void CheckClocks(WorkflowDefinition definition, List<string> problems)
    {
        var operations = definition.States.SelectMany(state => state.OnEnter.Select(operation => (Where: $"state '{state.Name}'", Operation: operation)))
            .Concat(definition.Transitions.SelectMany(transition => transition.Clocks.Select(operation => (Where: $"transition '{transition.Action}'", Operation: operation))))
            .ToList();
        var started = operations.Where(entry => entry.Operation.Kind == ClockOperationKind.Start).Select(entry => entry.Operation.Clock).ToHashSet();
        var paused = operations.Where(entry => entry.Operation.Kind == ClockOperationKind.Pause).Select(entry => entry.Operation.Clock).ToHashSet();
        foreach (var (where, operation) in operations)
        {
            if (operation.Kind != ClockOperationKind.Start && !started.Contains(operation.Clock))
            {
                problems.Add($"The {where} does '{operation}', but no state or transition starts clock '{operation.Clock}'.");
            }

            if (operation.Kind == ClockOperationKind.Resume && !paused.Contains(operation.Clock))
            {
                problems.Add($"The {where} resumes clock '{operation.Clock}', which nothing pauses.");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PascalCase();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();

    // A noun and a verb at least, e.g. CaseAccepted. Whether the verb is in the past tense is left to
    // review: irregular participles (Left, Kept, Met) defeat any pattern.
    [GeneratedRegex("^[A-Z][a-z0-9]+([A-Z][a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EventName();
}
