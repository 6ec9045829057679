using Cases.Domain.Calendars;
using Cases.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cases.Workflows.Persistence;

/// <summary>
/// An administrator's override of a default deadline rule for one pipeline clock, in one region or
/// (<see cref="AllRegions"/>) in all; who changed it, when and why.
/// </summary>
public sealed class DeadlineRuleOverride
{
    public const string AllRegions = "*";

    public string WorkflowId { get; set; } = string.Empty;

    public string Clock { get; set; } = string.Empty;

    public string Region { get; set; } = AllRegions;

    public int Amount { get; set; }

    public PeriodUnit Unit { get; set; }

    public DeadlineCalendarOwner CalendarOf { get; set; }

    public int? ReminderAmount { get; set; }

    public PeriodUnit? ReminderUnit { get; set; }

    public DeadlineExpiry OnExpiry { get; set; }

    public string? ExpiryAction { get; set; }

    public int? ExtensionAmount { get; set; }

    public int? TargetAmount { get; set; }

    public string Source { get; set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedBy { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public DeadlineRule ToRule() => new(
        WorkflowId,
        Clock,
        new Period(Amount, Unit),
        CalendarOf,
        ReminderAmount is { } reminder && ReminderUnit is { } unit ? new Period(reminder, unit) : null,
        OnExpiry,
        ExpiryAction,
        ExtensionAmount,
        TargetAmount,
        Source);
}

internal sealed class DeadlineRuleOverrideConfiguration : IEntityTypeConfiguration<DeadlineRuleOverride>
{
    public void Configure(EntityTypeBuilder<DeadlineRuleOverride> builder)
    {
        builder.ToTable("deadline_rules");
        builder.HasKey(rule => new { rule.WorkflowId, rule.Clock, rule.Region });
    }
}
