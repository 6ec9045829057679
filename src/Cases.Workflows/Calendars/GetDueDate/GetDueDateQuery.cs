using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Calendars.GetDueDate;

/// <summary>
/// When a time limit (期限) starting at <see cref="Start"/> expires in a region: <c>2026-03-02</c>
/// or <c>2026-03-02T10:20[:00][+08:00]</c> (no offset means the 9+2's UTC+8), an amount and a
/// unit (working-days, days, months, hours). Periods in hours need a time of day.
/// </summary>
public sealed record GetDueDateQuery(string Region, string? Start, int? Amount, string? Unit) : IQuery<DueDateView>;

/// <summary>
/// The computed due date: <c>due</c> is the last day (for hours, the local instant of expiry),
/// <c>expiresAt</c> the instant the period ends, and how it was reached.
/// </summary>
public sealed record DueDateView(
    string Region,
    string Calendar,
    IReadOnlyList<string> SharedWith,
    string Start,
    int Amount,
    string Unit,
    string Due,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<ExplanationStepView> Explanation);
