using Cases.Domain.Calendars;

namespace Cases.Domain.Deadlines;

/// <summary>
/// The time limit (期限规则) of one pipeline step's clock, as the law or the centre's service
/// standard sets it: how long, in which unit, by whose calendar, when to remind, what expiry does,
/// the one extension it allows, and the shorter internal target for priority (key-enterprise) cases.
/// A deadline copies its rule when it starts, so a later change of the rule never moves a running deadline.
/// </summary>
/// <param name="WorkflowId">The pipeline whose clock this is.</param>
/// <param name="Clock">The clock's name in the workflow definition.</param>
/// <param name="Period">The statutory or service limit.</param>
/// <param name="CalendarOf">Whose calendar counts.</param>
/// <param name="Reminder">How long before the last day to remind the responsible centre; null for none.</param>
/// <param name="OnExpiry">What happens when the limit expires.</param>
/// <param name="ExpiryAction">The workflow action taken on expiry, when <paramref name="OnExpiry"/> is <see cref="DeadlineExpiry.TakeAction"/>.</param>
/// <param name="ExtensionAmount">The one extension an approval grants, in the period's unit; null when the limit cannot be extended.</param>
/// <param name="PriorityTargetAmount">The internal target for priority cases, in the period's unit, shorter than the limit; null for none.</param>
/// <param name="Source">The legal source or service standard, with UNVERIFIED where it is.</param>
public sealed record DeadlineRule(
    string WorkflowId,
    string Clock,
    Period Period,
    DeadlineCalendarOwner CalendarOf,
    Period? Reminder,
    DeadlineExpiry OnExpiry,
    string? ExpiryAction,
    int? ExtensionAmount,
    int? PriorityTargetAmount,
    string Source)
{
    public string Describe() =>
        $"{Clock}: {Period.Amount} {UnitText(Period.Unit)} — {Source}";

    public static string UnitText(PeriodUnit unit) => unit switch
    {
        PeriodUnit.WorkingDays => "working days",
        PeriodUnit.Days => "days",
        PeriodUnit.Months => "months",
        _ => "hours",
    };
}

/// <summary>Whose calendar a time limit is counted by.</summary>
public enum DeadlineCalendarOwner
{
    /// <summary>The centre handling the case.</summary>
    HandlingCentre = 1,

    /// <summary>The centre a case is referred to (跨地区移送), which must answer by its own calendar.</summary>
    ReceivingCentre = 2,
}

/// <summary>What the expiry of a time limit does.</summary>
public enum DeadlineExpiry
{
    /// <summary>The deadline is marked overdue (逾期) and the handling centre's supervisors are notified.</summary>
    MarkOverdue = 1,

    /// <summary>The procedure itself acts, e.g. no consent to mediation within 15 days closes the application.</summary>
    TakeAction = 2,

    /// <summary>A window for the parties closes (e.g. the time to sue); recorded, nobody is at fault.</summary>
    Lapse = 3,
}
