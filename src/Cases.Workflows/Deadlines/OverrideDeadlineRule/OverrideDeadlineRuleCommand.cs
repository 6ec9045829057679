using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Deadlines.OverrideDeadlineRule;

/// <summary>
/// Sets the deadline rule of one pipeline clock for one region, or for all (<c>*</c>), replacing the
/// default there. Deadlines already running keep the rule they started with; new ones use this.
/// </summary>
public sealed record OverrideDeadlineRuleCommand(
    string WorkflowId,
    string Clock,
    string Region,
    int Amount,
    string? Unit,
    string? CalendarOf,
    int? ReminderAmount,
    string? ReminderUnit,
    string? OnExpiry,
    string? ExpiryAction,
    int? ExtensionAmount,
    int? PriorityTargetAmount,
    string? Source,
    string? Reason) : ICommand<DeadlineRuleView>
{
    public const int MaximumSourceLength = 1000;
    public const int MaximumReasonLength = 1000;
}
