namespace Cases.Domain.Calendars;

/// <summary>
/// A computed time limit: the last day on which the act may be done, the instant the period
/// expires (the end of that day in the region, or the exact hour for periods in hours), and
/// the explanation of how it was reached.
/// </summary>
public sealed record ComputedDue(DateOnly LastDay, DateTimeOffset ExpiresAt, IReadOnlyList<ExplanationStep> Explanation);
