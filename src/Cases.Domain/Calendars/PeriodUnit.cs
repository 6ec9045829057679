namespace Cases.Domain.Calendars;

/// <summary>The unit a time limit (期限) is stated in.</summary>
public enum PeriodUnit
{
    /// <summary>Working days (工作日) of the region's calendar.</summary>
    WorkingDays = 1,

    /// <summary>Calendar days (日).</summary>
    Days = 2,

    /// <summary>Calendar months (月).</summary>
    Months = 3,

    /// <summary>Hours (小时).</summary>
    Hours = 4,
}
