namespace Cases.Domain.Calendars;

/// <summary>An amount of a unit, e.g. 5 working days or 3 months (期间).</summary>
public readonly record struct Period(int Amount, PeriodUnit Unit)
{
    /// <summary>
    /// The unit a pause is measured in: a paused span adds that many units back. Working days for
    /// working-day periods, hours for hours, and calendar days for day and month periods.
    /// </summary>
    public PeriodUnit PauseUnit => Unit switch
    {
        PeriodUnit.Months => PeriodUnit.Days,
        _ => Unit,
    };

    public override string ToString() => $"{Amount} {Unit}";
}
