using Cases.Domain.Deadlines;
using Cases.Workflows.Calendars;
using Cases.Workflows.Persistence;

namespace Cases.Workflows.Deadlines;

/// <summary>A deadline rule as administrators see it: the default, or an override with who changed it, when and why.</summary>
public sealed record DeadlineRuleView(
    string WorkflowId,
    string Clock,
    string Region,
    int Amount,
    string Unit,
    string CalendarOf,
    int? ReminderAmount,
    string? ReminderUnit,
    string OnExpiry,
    string? ExpiryAction,
    int? ExtensionAmount,
    int? PriorityTargetAmount,
    string Source,
    bool IsDefault,
    DateTimeOffset? ChangedAt,
    string? ChangedBy,
    string? Reason)
{
    public static DeadlineRuleView Default(DeadlineRule rule) => From(rule, DeadlineRuleOverride.AllRegions, null);

    public static DeadlineRuleView From(DeadlineRule rule, string region, DeadlineRuleOverride? change) => new(
        rule.WorkflowId,
        rule.Clock,
        region,
        rule.Period.Amount,
        PeriodUnitNames.NameOf(rule.Period.Unit),
        rule.CalendarOf.ToString(),
        rule.Reminder?.Amount,
        rule.Reminder is { } reminder ? PeriodUnitNames.NameOf(reminder.Unit) : null,
        rule.OnExpiry.ToString(),
        rule.ExpiryAction,
        rule.ExtensionAmount,
        rule.PriorityTargetAmount,
        rule.Source,
        change is null,
        change?.ChangedAt,
        change?.ChangedBy,
        change?.Reason);
}
