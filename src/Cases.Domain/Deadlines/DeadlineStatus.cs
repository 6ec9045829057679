namespace Cases.Domain.Deadlines;

/// <summary>Where a deadline stands.</summary>
public enum DeadlineStatus
{
    /// <summary>Counting towards its due time.</summary>
    Running = 1,

    /// <summary>Suspended (中止): the paused span will not count.</summary>
    Paused = 2,

    /// <summary>Its due date falls in a year the calendar has not loaded; it is computed when an administrator adds the year.</summary>
    AwaitingCalendar = 3,

    /// <summary>Expired without the step being done (逾期); supervisors were notified. Still open until the step is done.</summary>
    Overdue = 4,

    /// <summary>The step was done in time.</summary>
    Met = 5,

    /// <summary>The step was done after the deadline expired.</summary>
    MetLate = 6,

    /// <summary>A parties' window closed (e.g. the time to sue).</summary>
    Lapsed = 7,

    /// <summary>Expiry took the procedure's own action (e.g. closed the application).</summary>
    ExpiredByAction = 8,
}
