namespace Cases.Domain.Calendars;

/// <summary>
/// Computes when a time limit expires under the counting law of the calendar's region:
/// the mainland (民事诉讼法 art. 85), Hong Kong (Cap. 1 s. 71) or Macao. Pure and allocation-free
/// on the fast path (<see cref="ExpiryOf"/>); <see cref="Compute"/> also explains each step.
/// </summary>
public static class DeadlineArithmetic
{
    /// <summary>
    /// The instant a period starting at <paramref name="start"/> expires.
    /// <paramref name="addedUnits"/> are paused units added back, in <see cref="Period.PauseUnit"/>.
    /// </summary>
    public static DateTimeOffset ExpiryOf(WorkingCalendar calendar, DateTimeOffset start, Period period, int addedUnits = 0) =>
        throw new NotImplementedException();

    /// <summary>The same computation as <see cref="ExpiryOf"/>, with its explanation.</summary>
    public static ComputedDue Compute(WorkingCalendar calendar, DateTimeOffset start, Period period, int addedUnits = 0) =>
        throw new NotImplementedException();

    /// <summary>
    /// When to remind: the start (00:00 in the region) of the day <paramref name="before"/> ahead of
    /// the last day, counted backwards in that unit; for hours, that many hours before expiry.
    /// </summary>
    public static DateTimeOffset ReminderOf(WorkingCalendar calendar, ComputedDue due, Period before) =>
        throw new NotImplementedException();

    /// <summary>
    /// How many units of <paramref name="unit"/> a pause from <paramref name="pausedAt"/> to
    /// <paramref name="resumedAt"/> takes out of the count: for days and working days, the days (or
    /// working days) from the pause day up to the day before resumption; for hours, whole hours rounded up.
    /// </summary>
    public static int PausedUnits(WorkingCalendar calendar, PeriodUnit unit, DateTimeOffset pausedAt, DateTimeOffset resumedAt) =>
        throw new NotImplementedException();
}
