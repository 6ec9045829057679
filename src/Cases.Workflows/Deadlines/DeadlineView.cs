using Cases.Domain.Calendars;
using Cases.Domain.Deadlines;
using Cases.Workflows.Calendars;

namespace Cases.Workflows.Deadlines;

/// <summary>A deadline as dashboards and the case page show it.</summary>
public sealed record DeadlineView(
    Guid Id,
    Guid CaseId,
    string? CaseNumber,
    string Clock,
    string Centre,
    string HandlingCentre,
    string Region,
    string Status,
    int Amount,
    string Unit,
    DateTimeOffset StartedAt,
    DateOnly? LastDay,
    DateTimeOffset? DueAt,
    DateTimeOffset? TargetAt,
    DateTimeOffset? RemindAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? PausedAt,
    bool Extended,
    DateTimeOffset? ClosedAt,
    string OnExpiry,
    string? ExpiryAction,
    string Source,
    IReadOnlyList<ExplanationStepView> Explanation)
{
    public static DeadlineView From(Deadline deadline, string? caseNumber) => new(
        deadline.Id.Value,
        deadline.CaseId.Value,
        caseNumber,
        deadline.Clock,
        deadline.Centre.Value,
        deadline.HandlingCentre.Value,
        deadline.Region,
        deadline.Status.ToString(),
        deadline.Amount,
        PeriodUnitNames.NameOf(deadline.Unit),
        deadline.StartedAt,
        deadline.LastDay,
        deadline.DueAt,
        deadline.TargetAt,
        deadline.RemindAt,
        deadline.RemindedAt,
        deadline.PausedAt,
        deadline.Extended,
        deadline.ClosedAt,
        deadline.OnExpiry.ToString(),
        deadline.ExpiryAction,
        deadline.Source,
        [.. deadline.Explanation.Select(ExplanationStepView.From)]);
}

/// <summary>One recorded change of a deadline.</summary>
public sealed record DeadlineChangeView(DateTimeOffset OccurredAt, string Actor, string Kind, DateTimeOffset? DueBefore, DateTimeOffset? DueAfter, string Reason, int? CaseSequence);
