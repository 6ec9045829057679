using Cases.Domain.Calendars;
using Cases.Domain.Clocks;
using Cases.Domain.Deadlines;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines;

/// <summary>
/// The deadline rule of every pipeline clock: the defaults in code, checked against the workflow
/// definitions when the application starts, and administrators' overrides per region read from
/// the database when a deadline starts (a region's override before an all-regions one).
/// </summary>
public sealed class DeadlineRuleCatalog
{
    private readonly Dictionary<(string WorkflowId, string Clock), DeadlineRule> defaults;
    private readonly WorkflowCatalog workflows;

    public DeadlineRuleCatalog(WorkflowCatalog workflows, IEnumerable<IWorkflowDefinitionSource> sources)
    {
        this.workflows = workflows;
        defaults = sources.SelectMany(source => source.DeadlineRules()).ToDictionary(rule => (rule.WorkflowId, rule.Clock));
        var problems = defaults.Values.SelectMany(Problems)
            .Concat(ClocksOf(workflows).Where(clock => !defaults.ContainsKey(clock)).Select(clock => $"Clock '{clock.Clock}' of workflow '{clock.WorkflowId}' has no deadline rule."))
            .Concat(ExtendedClocksOf(workflows).Where(clock => defaults.TryGetValue(clock, out var rule) && rule.ExtensionAmount is null)
                .Select(clock => $"Clock '{clock.Clock}' of workflow '{clock.WorkflowId}' can be extended, but its deadline rule allows no extension."))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidWorkflowDefinitionException("deadline rules", problems);
        }
    }

    public IReadOnlyCollection<DeadlineRule> Defaults => defaults.Values;

    public bool HasClock(string workflowId, string clock) => defaults.ContainsKey((workflowId, clock));

    public DeadlineRule DefaultFor(string workflowId, string clock) => defaults[(workflowId, clock)];

    /// <summary>The rule in force for a clock in a region: its override, the all-regions override, or the default.</summary>
    public async Task<DeadlineRule?> RuleForAsync(CasesDbContext database, string workflowId, string clock, string region, CancellationToken cancellationToken)
    {
        if (!defaults.TryGetValue((workflowId, clock), out var rule))
        {
            return null;
        }

        var overrides = await database.DeadlineRuleOverrides.AsNoTracking()
            .Where(candidate => candidate.WorkflowId == workflowId && candidate.Clock == clock
                && (candidate.Region == region || candidate.Region == DeadlineRuleOverride.AllRegions))
            .ToListAsync(cancellationToken);
        var chosen = overrides.FirstOrDefault(candidate => candidate.Region == region)
            ?? overrides.FirstOrDefault(candidate => candidate.Region == DeadlineRuleOverride.AllRegions);
        return chosen?.ToRule() ?? rule;
    }

    /// <summary>What is wrong with a rule (empty when nothing is): used for the defaults at start-up and for administrators' overrides.</summary>
    public IReadOnlyList<string> Problems(DeadlineRule rule)
    {
        var problems = new List<string>();
        var name = $"The deadline rule of clock '{rule.Clock}' of workflow '{rule.WorkflowId}'";
        if (rule.Period.Amount <= 0)
        {
            problems.Add($"{name} must have a positive amount.");
        }

        if (rule.Reminder is { Unit: PeriodUnit.Months })
        {
            problems.Add($"{name} cannot remind in months; use working days, days or hours.");
        }

        if (rule.Reminder is { } reminder && (reminder.Unit == PeriodUnit.Hours) != (rule.Period.Unit == PeriodUnit.Hours))
        {
            problems.Add($"{name} must remind in hours exactly when the limit is in hours.");
        }

        if (rule.PriorityTargetAmount is { } target && target >= rule.Period.Amount)
        {
            problems.Add($"{name} has an internal target ({target}) that is not shorter than the limit ({rule.Period.Amount}).");
        }

        if ((rule.OnExpiry == DeadlineExpiry.TakeAction) != (rule.ExpiryAction is not null))
        {
            problems.Add($"{name} must name an expiry action exactly when expiry takes an action.");
        }

        if (rule.ExpiryAction is { } action)
        {
            // Every version that runs the clock must have the action; a version without the clock needs none.
            foreach (var definition in workflows.All.Where(definition => definition.Id == rule.WorkflowId && Starts(definition, rule.Clock)))
            {
                var transition = definition.Transitions.FirstOrDefault(candidate => candidate.Action == action);
                if (transition is null)
                {
                    problems.Add($"{name} takes the action '{action}' on expiry, which {definition} does not have.");
                }
                else if (transition.Payload.FirstOrDefault(field => field.Required && field.Name != "reason") is { } field)
                {
                    problems.Add($"{name} takes the action '{action}' on expiry, but it needs '{field.Name}', which nobody gives when a timer acts.");
                }
                else if (!transition.Clocks.Contains(new ClockOperation(ClockOperationKind.Stop, rule.Clock)))
                {
                    problems.Add($"{name} takes the action '{action}' on expiry, which does not stop the clock '{rule.Clock}'.");
                }
            }
        }

        return problems;
    }

    private static bool Starts(WorkflowDefinition definition, string clock) =>
        OperationsOf(definition).Contains(new ClockOperation(ClockOperationKind.Start, clock));

    private static IEnumerable<(string WorkflowId, string Clock)> ClocksOf(WorkflowCatalog workflows) => Clocks(workflows, ClockOperationKind.Start);

    private static IEnumerable<(string WorkflowId, string Clock)> ExtendedClocksOf(WorkflowCatalog workflows) => Clocks(workflows, ClockOperationKind.Extend);

    private static IEnumerable<(string WorkflowId, string Clock)> Clocks(WorkflowCatalog workflows, ClockOperationKind kind) =>
        workflows.All.SelectMany(definition => OperationsOf(definition).Where(operation => operation.Kind == kind).Select(operation => (definition.Id, operation.Clock)))
            .Distinct();

    /// <summary>Every clock operation a definition performs: its transitions' and those of entering its states.</summary>
    private static IEnumerable<ClockOperation> OperationsOf(WorkflowDefinition definition) =>
        definition.Transitions.SelectMany(transition => transition.Clocks).Concat(definition.States.SelectMany(state => state.OnEnter));
}
