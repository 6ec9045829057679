namespace Cases.Domain.Calendars;

/// <summary>What a calendar records about one date; any date it does not record is an ordinary weekday or weekend day.</summary>
public enum CalendarDayKind
{
    /// <summary>A statutory holiday (法定节假日 / 放假日) in the mainland, a general holiday in Hong Kong, a public holiday (公眾假期) in Macao.</summary>
    Holiday = 1,

    /// <summary>A weekend day that is a working day in the mainland (调休上班日).</summary>
    AdjustedWorkingDay = 2,

    /// <summary>A Macao government holiday (政府假期 / 豁免上班日): government offices are closed all day.</summary>
    GovernmentHoliday = 3,

    /// <summary>A Macao government half day: closed in the afternoon only, so the day stays a working day.</summary>
    HalfDayGovernmentHoliday = 4,

    /// <summary>A Hong Kong day on which a gale or black rainstorm warning was in force: an excluded day (Cap. 1 s. 71), recordable after the fact.</summary>
    WarningDay = 5,
}
