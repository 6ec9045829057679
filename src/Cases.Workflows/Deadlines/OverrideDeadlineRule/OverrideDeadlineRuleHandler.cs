using Cases.Domain.Access;
using Cases.Domain.Calendars;
using Cases.Domain.Common;
using Cases.Domain.Deadlines;
using Cases.Workflows.Calendars;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.OverrideDeadlineRule;

/// <summary>System administrators set a clock's rule per region; the rule must be one the workflow can honour (422 otherwise).</summary>
public sealed class OverrideDeadlineRuleHandler(CasesDbContext database, DeadlineRuleCatalog rules, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<OverrideDeadlineRuleCommand, DeadlineRuleView>
{
    public async Task<DeadlineRuleView> Handle(OverrideDeadlineRuleCommand command, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.SystemAdmin], "Changing a deadline rule");
        if (!rules.HasClock(command.WorkflowId, command.Clock))
        {
            throw new NotFoundException("Clock", $"{command.Clock}' of workflow '{command.WorkflowId}");
        }

        var rule = new DeadlineRule(
            command.WorkflowId,
            command.Clock,
            new Period(command.Amount, PeriodUnitNames.All[command.Unit!]),
            Enum.Parse<DeadlineCalendarOwner>(command.CalendarOf!),
            command.ReminderAmount is { } reminder ? new Period(reminder, PeriodUnitNames.All[command.ReminderUnit!]) : null,
            Enum.Parse<DeadlineExpiry>(command.OnExpiry!),
            command.ExpiryAction,
            command.ExtensionAmount,
            command.PriorityTargetAmount,
            command.Source!.Trim());
        var problems = rules.Problems(rule).ToList();
        if (rules.DefaultFor(command.WorkflowId, command.Clock).ExtensionAmount is not null && rule.ExtensionAmount is null)
        {
            problems.Add($"The clock '{command.Clock}' can be extended by its workflow, so its rule must allow an extension.");
        }

        if (problems.Count > 0)
        {
            throw new BusinessRuleValidationException([.. problems.Select(problem => new DeadlineRuleMustBeHonourableRule(problem))]);
        }

        var stored = await database.DeadlineRuleOverrides.FirstOrDefaultAsync(
            candidate => candidate.WorkflowId == command.WorkflowId && candidate.Clock == command.Clock && candidate.Region == command.Region, cancellationToken);
        if (stored is null)
        {
            stored = new DeadlineRuleOverride { WorkflowId = command.WorkflowId, Clock = command.Clock, Region = command.Region };
            database.DeadlineRuleOverrides.Add(stored);
        }

        stored.Amount = rule.Period.Amount;
        stored.Unit = rule.Period.Unit;
        stored.CalendarOf = rule.CalendarOf;
        stored.ReminderAmount = rule.Reminder?.Amount;
        stored.ReminderUnit = rule.Reminder?.Unit;
        stored.OnExpiry = rule.OnExpiry;
        stored.ExpiryAction = rule.ExpiryAction;
        stored.ExtensionAmount = rule.ExtensionAmount;
        stored.TargetAmount = rule.PriorityTargetAmount;
        stored.Source = rule.Source;
        stored.ChangedAt = time.GetUtcNow();
        stored.ChangedBy = currentActor.Actor.Name;
        stored.Reason = command.Reason!.Trim();
        return DeadlineRuleView.From(rule, command.Region, stored);
    }
}

/// <summary>A deadline rule must be one its workflow can honour (e.g. an expiry action that exists and stops the clock).</summary>
public sealed class DeadlineRuleMustBeHonourableRule(string problem) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => problem;
}
