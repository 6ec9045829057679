using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Deadlines.ListDeadlines;

/// <summary>
/// A dashboard queue of deadlines (期限看板), soonest due first: <c>due-soon</c> (running, not yet
/// due, and either reminded or due within a week) or <c>overdue</c> (past due with the step not done),
/// for one centre (as responsible or handling centre) or all.
/// </summary>
public sealed record ListDeadlinesQuery(string? State, CentreCode? Centre, int? Limit) : IQuery<DeadlineQueue>
{
    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";
    public const int DefaultLimit = 100;
    public const int MaximumLimit = 500;

    /// <summary>How far ahead a running deadline counts as due soon even before its reminder.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(7);

    public static IReadOnlyList<string> States { get; } = [DueSoon, Overdue];
}

public sealed record DeadlineQueue(string State, string? Centre, DateTimeOffset AsOf, IReadOnlyList<DeadlineView> Items);
