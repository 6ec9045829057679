using System.Globalization;
using Cases.Domain.Calendars;
using Cases.Domain.Regions;

namespace Cases.Domain.Tests.Calendars;

/// <summary>
/// Legal deadlines over the shipped 2024–2026 calendars. Every expected date was checked by hand
/// against a calendar, weekday included (noted in each row).
/// </summary>
public sealed class DeadlineArithmeticTests
{
    private static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    /// <summary>calendar, start (local date or date-time), amount, unit, paused units added back, expected last day, a text the explanation must contain.</summary>
    public static TheoryData<RegionCalendarKind, string, int, PeriodUnit, int, string, string> DayPeriods => new()
    {
        // Mainland (民事诉讼法 art. 85; 行政复议法 art. 88).
        { RegionCalendarKind.Mainland, "2026-03-02", 5, PeriodUnit.WorkingDays, 0, "2026-03-09", "2026-03-07 Sat: weekend (rest day)" }, // Mon → Mon, weekend skipped
        { RegionCalendarKind.Mainland, "2026-02-12", 5, PeriodUnit.WorkingDays, 0, "2026-02-26", "2026-02-16 Mon: 春节 Spring Festival (statutory holiday)" }, // Thu; Fri 13, 调休 Sat 14, Tue 24–Thu 26
        { RegionCalendarKind.Mainland, "2026-02-13", 1, PeriodUnit.WorkingDays, 0, "2026-02-14", "调休" }, // Fri → the adjusted working Saturday
        { RegionCalendarKind.Mainland, "2025-09-26", 5, PeriodUnit.WorkingDays, 0, "2025-10-10", "2025-09-28 Sun: 调休上班日" }, // Fri; Sun 28 works, 10-01→10-08 off, Thu 9, Fri 10
        { RegionCalendarKind.Mainland, "2026-03-02", 5, PeriodUnit.WorkingDays, 2, "2026-03-11", "2 paused working day(s)" }, // 7 working days: Wed 11
        { RegionCalendarKind.Mainland, "2026-01-30", 15, PeriodUnit.Days, 0, "2026-02-14", "the period may end on it" }, // Fri + 15 = Sat 14, a 调休 working day
        { RegionCalendarKind.Mainland, "2026-02-01", 15, PeriodUnit.Days, 0, "2026-02-24", "it ends instead on the next working day, 2026-02-24 Tue" }, // Sun + 15 = Mon 16, Spring Festival → Tue 24
        { RegionCalendarKind.Mainland, "2026-02-01", 15, PeriodUnit.Days, 2, "2026-02-24", "2 paused day(s)" }, // Wed 18 → Tue 24
        { RegionCalendarKind.Mainland, "2025-09-16", 15, PeriodUnit.Days, 0, "2025-10-09", "国庆节" }, // Tue + 15 = Wed 10-01 → Thu 10-09
        { RegionCalendarKind.Mainland, "2025-09-26", 15, PeriodUnit.Days, 0, "2025-10-11", "2025-10-11 Sat" }, // Fri + 15 = Sat 10-11, a 调休 working day
        { RegionCalendarKind.Mainland, "2025-11-30", 3, PeriodUnit.Months, 0, "2026-02-28", "February 2026 has no day 30" }, // clamped to Sat 28, a 调休 working day
        { RegionCalendarKind.Mainland, "2024-01-31", 1, PeriodUnit.Months, 0, "2024-02-29", "February 2024 has no day 31" }, // leap year, Thu 29
        { RegionCalendarKind.Mainland, "2026-03-02", 3, PeriodUnit.Months, 0, "2026-06-02", "Last day 2026-06-02 Tue" },
        { RegionCalendarKind.Mainland, "2025-07-01", 3, PeriodUnit.Months, 0, "2025-10-09", "would end on 2025-10-01 Wed" }, // National Day → Thu 10-09
        { RegionCalendarKind.Mainland, "2025-11-30", 3, PeriodUnit.Months, 1, "2026-03-02", "2026-03-01 Sun: weekend" }, // clamp to 02-28, +1 day = Sun 03-01 → Mon 03-02
        { RegionCalendarKind.Mainland, "2026-04-01", 5, PeriodUnit.WorkingDays, 0, "2026-04-09", "清明节" }, // Wed; Thu 2, Fri 3, off 4–6, Tue 7, Wed 8, Thu 9

        // Hong Kong (Cap. 1 s. 71).
        { RegionCalendarKind.HongKong, "2026-02-13", 5, PeriodUnit.Days, 0, "2026-02-23", "2026-02-17 Tue: 農曆年初一 Lunar New Year's Day" }, // ≤ 6: Sat 14, Mon 16, Fri 20, Sat 21, Mon 23
        { RegionCalendarKind.HongKong, "2026-02-13", 6, PeriodUnit.Days, 0, "2026-02-24", "2026-02-15 Sun: Sunday (a general holiday, so an excluded day)" }, // … Tue 24
        { RegionCalendarKind.HongKong, "2026-02-13", 7, PeriodUnit.Days, 0, "2026-02-20", "Last day 2026-02-20 Fri" }, // > 6: calendar days, Fri 20 is not excluded
        { RegionCalendarKind.HongKong, "2026-02-13", 5, PeriodUnit.Days, 1, "2026-02-24", "1 paused day(s)" }, // ≤ 6 test uses the amount only: 6 counted days
        { RegionCalendarKind.HongKong, "2026-02-03", 14, PeriodUnit.Days, 0, "2026-02-20", "day that is not an excluded day, 2026-02-20 Fri" }, // Tue + 14 = Tue 17 (LNY) → Fri 20
        { RegionCalendarKind.HongKong, "2026-03-24", 10, PeriodUnit.Days, 0, "2026-04-08", "2026-04-07 Tue: 復活節星期一翌日" }, // Tue + 10 = Good Friday; Easter → Wed 04-08
        { RegionCalendarKind.HongKong, "2026-04-01", 5, PeriodUnit.WorkingDays, 0, "2026-04-13", "2026-04-04 Sat: 耶穌受難節翌日" }, // Thu 2, Wed 8, Thu 9, Fri 10, Mon 13
        { RegionCalendarKind.HongKong, "2026-03-06", 15, PeriodUnit.Days, 0, "2026-03-21", "Last day 2026-03-21 Sat" }, // Saturday is not an excluded day
        { RegionCalendarKind.HongKong, "2026-03-18", 3, PeriodUnit.Days, 0, "2026-03-21", "2026-03-21 Sat: Saturday (not a working day, but not an excluded day): counted" }, // Thu, Fri, Sat
        { RegionCalendarKind.HongKong, "2026-01-31", 1, PeriodUnit.Months, 0, "2026-02-28", "February 2026 has no day 31" }, // Sat 28, not excluded
        { RegionCalendarKind.HongKong, "2026-01-17", 1, PeriodUnit.Months, 0, "2026-02-20", "would end on 2026-02-17 Tue" }, // LNY → Fri 20

        // Macao (DL 7/97/M; Civil Code art. 272, UNVERIFIED).
        { RegionCalendarKind.Macao, "2026-04-01", 5, PeriodUnit.WorkingDays, 0, "2026-04-13", "2026-04-06 Mon: 政府假期" }, // Thu 2, Wed 8, Thu 9, Fri 10, Mon 13
        { RegionCalendarKind.Macao, "2025-12-19", 3, PeriodUnit.WorkingDays, 0, "2025-12-30", "2025-12-23 Tue: 政府假期" }, // Fri; gov 22–23, public 24–25; Fri 26, Mon 29, Tue 30
        { RegionCalendarKind.Macao, "2025-12-12", 10, PeriodUnit.Days, 0, "2025-12-26", "would end on 2025-12-22 Mon" }, // Fri + 10 = Mon 22 (gov) → Fri 26
        { RegionCalendarKind.Macao, "2026-02-13", 1, PeriodUnit.WorkingDays, 0, "2026-02-16", "offices open in the morning" }, // Fri → Mon 16, the half day counts
        { RegionCalendarKind.Macao, "2026-02-06", 10, PeriodUnit.Days, 0, "2026-02-16", "government half day" }, // Fri + 10 = Mon 16, a working day
        { RegionCalendarKind.Macao, "2026-03-06", 15, PeriodUnit.Days, 0, "2026-03-23", "2026-03-21 Sat: weekend" }, // Fri + 15 = Sat 21 → Mon 23
        { RegionCalendarKind.Macao, "2026-01-19", 3, PeriodUnit.Months, 0, "2026-04-20", "art. 272 (UNVERIFIED)" }, // Sun 04-19 → Mon 04-20
    };

    [Theory]
    [MemberData(nameof(DayPeriods))]
    public void A_day_period_ends_on_the_last_day_its_counting_law_gives(
        RegionCalendarKind calendar, string start, int amount, PeriodUnit unit, int addedUnits, string lastDay, string explained)
    {
        var period = new Period(amount, unit);
        var startInstant = Local(start);

        var due = DeadlineArithmetic.Compute(ShippedCalendarFiles.Of(calendar), startInstant, period, addedUnits);

        Assert.Equal(Date(lastDay), due.LastDay);
        Assert.Equal(new DateTimeOffset(Date(lastDay).AddDays(1).ToDateTime(TimeOnly.MinValue), Utc8), due.ExpiresAt);
        Assert.Equal(due.ExpiresAt, DeadlineArithmetic.ExpiryOf(ShippedCalendarFiles.Of(calendar), startInstant, period, addedUnits));
        var text = string.Join("\n", due.Explanation.Select(step => step.Text));
        Assert.Contains(explained, text);
        Assert.Equal(ExplanationStepKind.CountingLaw, due.Explanation[0].Kind);
        Assert.Equal(ExplanationStepKind.Start, due.Explanation[1].Kind);
        Assert.Equal(Date(start[..10]), due.Explanation[1].Date);
        Assert.Equal(ExplanationStepKind.Due, due.Explanation[^1].Kind);
    }

    public static TheoryData<RegionCalendarKind, string, int, int, string> HourPeriods => new()
    {
        // Mainland: the starting hour is not counted, so 10:20 counts from 11:00.
        { RegionCalendarKind.Mainland, "2026-03-02T10:20", 24, 0, "2026-03-03T11:00" },
        { RegionCalendarKind.Mainland, "2026-03-02T10:00", 24, 0, "2026-03-03T11:00" },
        { RegionCalendarKind.Mainland, "2026-02-14T23:59", 24, 2, "2026-02-16T02:00" }, // hours ignore holidays
        { RegionCalendarKind.HongKong, "2026-03-02T10:20", 24, 0, "2026-03-03T10:20" },
        { RegionCalendarKind.Macao, "2026-03-02T10:20", 24, 3, "2026-03-03T13:20" },
    };

    [Theory]
    [MemberData(nameof(HourPeriods))]
    public void An_hour_period_expires_at_its_hour(RegionCalendarKind calendar, string start, int hours, int addedHours, string expiresAt)
    {
        var due = DeadlineArithmetic.Compute(ShippedCalendarFiles.Of(calendar), Local(start), new Period(hours, PeriodUnit.Hours), addedHours);

        Assert.Equal(Local(expiresAt), due.ExpiresAt);
        Assert.Equal(TimeSpan.FromHours(8), due.ExpiresAt.Offset);
        Assert.Equal(Local(expiresAt), DeadlineArithmetic.ExpiryOf(ShippedCalendarFiles.Of(calendar), Local(start), new Period(hours, PeriodUnit.Hours), addedHours));
        Assert.Equal(DateOnly.FromDateTime(Local(expiresAt).DateTime), due.LastDay);
    }

    [Fact]
    public void The_start_day_is_the_date_in_the_9_plus_2_whatever_the_offset_of_the_start()
    {
        // 16:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in UTC+8.
        var start = new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(Date("2026-03-09"), DeadlineArithmetic.Compute(ShippedCalendarFiles.Mainland, start, new Period(5, PeriodUnit.WorkingDays)).LastDay);
    }

    [Fact]
    public void A_long_period_lists_only_the_days_that_decide_its_end()
    {
        var due = DeadlineArithmetic.Compute(ShippedCalendarFiles.Mainland, Local("2025-11-30"), new Period(3, PeriodUnit.Months));

        Assert.DoesNotContain(due.Explanation, step => step.Kind == ExplanationStepKind.Skipped);
        Assert.Contains(due.Explanation, step => step.Kind == ExplanationStepKind.Clamped && step.Date == Date("2026-02-28"));
        Assert.Contains(due.Explanation, step => step.Kind == ExplanationStepKind.Counted && step.Text.Contains("调休", StringComparison.Ordinal));
    }

    [Fact]
    public void A_working_day_count_lists_every_day_it_skips()
    {
        var due = DeadlineArithmetic.Compute(ShippedCalendarFiles.Mainland, Local("2026-02-12"), new Period(5, PeriodUnit.WorkingDays));

        var skipped = due.Explanation.Where(step => step.Kind == ExplanationStepKind.Skipped).Select(step => step.Date!.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 9).Select(offset => Date("2026-02-15").AddDays(offset)), skipped);
        Assert.Equal([Date("2026-02-14")], due.Explanation.Where(step => step.Kind == ExplanationStepKind.Counted).Select(step => step.Date!.Value));
    }

    public static TheoryData<string, int, PeriodUnit, string, string> WarningDays => new()
    {
        // A black rainstorm warning on Mon 2026-03-23, recorded after the fact.
        { "2026-03-16", 7, PeriodUnit.Days, "2026-03-23", "2026-03-24" }, // Mon + 7 = Mon 23 → Tue 24
        { "2026-03-20", 1, PeriodUnit.WorkingDays, "2026-03-23", "2026-03-24" }, // Fri → Mon 23 → Tue 24
        { "2026-03-19", 3, PeriodUnit.Days, "2026-03-23", "2026-03-24" }, // ≤ 6: Fri 20, Sat 21, (Sun 22) Mon 23; with the warning (Sun 22, Mon 23) Tue 24
        { "2026-02-23", 1, PeriodUnit.Months, "2026-03-23", "2026-03-24" }, // Mon 23 → Tue 24
    };

    [Theory]
    [MemberData(nameof(WarningDays))]
    public void A_Hong_Kong_warning_day_recorded_after_the_fact_is_an_excluded_day(string start, int amount, PeriodUnit unit, string before, string after)
    {
        var warning = new CalendarDay(Date("2026-03-23"), CalendarDayKind.WarningDay, "黑色暴雨警告 black rainstorm warning in force");
        var changed = ShippedCalendarFiles.HongKong.WithDay(warning);
        var period = new Period(amount, unit);

        Assert.Equal(Date(before), DeadlineArithmetic.Compute(ShippedCalendarFiles.HongKong, Local(start), period).LastDay);
        var due = DeadlineArithmetic.Compute(changed, Local(start), period);
        Assert.Equal(Date(after), due.LastDay);
        Assert.Contains(due.Explanation, step => step.Date == Date("2026-03-23") && step.Text.Contains("black rainstorm warning in force", StringComparison.Ordinal));
        Assert.True(changed.IsWorkingDay(Date("2026-03-23")));
        Assert.True(changed.IsExcludedDay(Date("2026-03-23")));
        Assert.False(ShippedCalendarFiles.HongKong.IsExcludedDay(Date("2026-03-23")));
    }

    [Theory]
    [InlineData(RegionCalendarKind.Mainland, "2026-12-20", 15, PeriodUnit.Days)] // Sun + 15 = 2027-01-04
    [InlineData(RegionCalendarKind.Mainland, "2026-12-28", 5, PeriodUnit.WorkingDays)] // Tue 29, Wed 30, Thu 31, then 2027
    [InlineData(RegionCalendarKind.HongKong, "2026-12-30", 3, PeriodUnit.Days)]
    [InlineData(RegionCalendarKind.Macao, "2026-11-30", 3, PeriodUnit.Months)]
    public void A_deadline_in_a_year_not_loaded_is_never_guessed(RegionCalendarKind calendar, string start, int amount, PeriodUnit unit)
    {
        var exception = Assert.Throws<DateOutsideCalendarException>(() => DeadlineArithmetic.ExpiryOf(ShippedCalendarFiles.Of(calendar), Local(start), new Period(amount, unit)));

        Assert.Equal(2027, exception.Date.Year);
        Assert.Equal(calendar, exception.Calendar);
        Assert.Contains("2024, 2025, 2026", exception.Message);
        Assert.Throws<DateOutsideCalendarException>(() => DeadlineArithmetic.Compute(ShippedCalendarFiles.Of(calendar), Local(start), new Period(amount, unit)));
    }

    [Fact]
    public void Questions_about_dates_outside_the_loaded_years_throw()
    {
        var calendar = ShippedCalendarFiles.Mainland;

        Assert.Throws<DateOutsideCalendarException>(() => calendar.IsWorkingDay(Date("2027-01-04")));
        Assert.Throws<DateOutsideCalendarException>(() => calendar.IsWorkingDay(Date("2023-12-29")));
        Assert.Throws<DateOutsideCalendarException>(() => calendar.DayOn(Date("2027-01-01")));
        Assert.Throws<DateOutsideCalendarException>(() => calendar.DaysOf(2027));
        Assert.Throws<DateOutsideCalendarException>(() => calendar.WithDay(new CalendarDay(Date("2027-01-01"), CalendarDayKind.Holiday, "元旦 New Year's Day")));
        Assert.False(calendar.Covers(Date("2027-01-01")));
        Assert.True(calendar.Covers(Date("2024-01-01")));
    }

    [Fact]
    public void A_calendar_with_a_gap_between_its_years_refuses_the_gap()
    {
        var calendar = new WorkingCalendar(RegionCalendarKind.Mainland, [2024, 2026], []);

        Assert.True(calendar.IsWorkingDay(Date("2024-12-31")));
        Assert.Throws<DateOutsideCalendarException>(() => calendar.IsWorkingDay(Date("2025-06-02")));
        Assert.Equal([2024, 2026], calendar.Years);
    }

    [Fact]
    public void Adding_a_year_makes_deadlines_in_it_computable_and_leaves_the_original_unchanged()
    {
        var with2027 = ShippedCalendarFiles.Mainland.WithYear(2027, [new CalendarDay(Date("2027-01-01"), CalendarDayKind.Holiday, "元旦 New Year's Day")]);

        // Sun 2026-12-20 + 15 = Mon 2027-01-04.
        Assert.Equal(Date("2027-01-04"), DeadlineArithmetic.Compute(with2027, Local("2026-12-20"), new Period(15, PeriodUnit.Days)).LastDay);
        Assert.False(ShippedCalendarFiles.Mainland.Covers(Date("2027-01-04")));
        Assert.Throws<ArgumentException>(() => with2027.WithYear(2027, []));
    }

    [Theory]
    [InlineData(RegionCalendarKind.Mainland, CalendarDayKind.WarningDay)]
    [InlineData(RegionCalendarKind.HongKong, CalendarDayKind.AdjustedWorkingDay)]
    [InlineData(RegionCalendarKind.Mainland, CalendarDayKind.GovernmentHoliday)]
    [InlineData(RegionCalendarKind.HongKong, CalendarDayKind.HalfDayGovernmentHoliday)]
    public void A_calendar_refuses_a_day_kind_of_another_region(RegionCalendarKind calendar, CalendarDayKind kind)
    {
        Assert.False(WorkingCalendar.Allows(calendar, kind));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(calendar, [2026], [new CalendarDay(Date("2026-03-23"), kind, "x")]));
    }

    [Theory]
    [InlineData(RegionCalendarKind.Mainland, "2026-02-14", true)] // 调休 Saturday
    [InlineData(RegionCalendarKind.Mainland, "2026-02-16", false)] // Spring Festival Monday
    [InlineData(RegionCalendarKind.Mainland, "2025-10-11", true)] // 调休 Saturday
    [InlineData(RegionCalendarKind.Mainland, "2025-10-08", false)] // National Day Wednesday
    [InlineData(RegionCalendarKind.HongKong, "2026-02-14", false)] // Saturday
    [InlineData(RegionCalendarKind.HongKong, "2026-02-16", true)] // Monday before Lunar New Year
    [InlineData(RegionCalendarKind.HongKong, "2026-04-07", false)]
    [InlineData(RegionCalendarKind.Macao, "2026-02-16", true)] // half day: the morning is open
    [InlineData(RegionCalendarKind.Macao, "2026-04-07", false)] // government holiday
    [InlineData(RegionCalendarKind.Macao, "2025-12-22", false)] // government holiday
    [InlineData(RegionCalendarKind.Macao, "2026-04-03", false)] // Good Friday, public holiday
    public void Working_days_follow_each_region(RegionCalendarKind calendar, string date, bool working) =>
        Assert.Equal(working, ShippedCalendarFiles.Of(calendar).IsWorkingDay(Date(date)));

    [Fact]
    public void Every_mainland_adjusted_working_day_is_a_weekend_day_and_every_year_is_loaded()
    {
        foreach (var kind in Enum.GetValues<RegionCalendarKind>())
        {
            Assert.Equal([2024, 2025, 2026], ShippedCalendarFiles.Of(kind).Years.Order());
        }

        var adjusted = ShippedCalendarFiles.Mainland.Years.SelectMany(ShippedCalendarFiles.Mainland.DaysOf).Where(day => day.Kind == CalendarDayKind.AdjustedWorkingDay).ToList();
        Assert.Equal(19, adjusted.Count);
        Assert.All(adjusted, day => Assert.True(day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, day.Date.ToString()));
        Assert.Equal(17, ShippedCalendarFiles.HongKong.DaysOf(2026).Count);
    }

    public static TheoryData<RegionCalendarKind, string, int, PeriodUnit, int, PeriodUnit, string> Reminders => new()
    {
        { RegionCalendarKind.Mainland, "2026-03-02", 5, PeriodUnit.WorkingDays, 2, PeriodUnit.WorkingDays, "2026-03-05T00:00" }, // due Mon 09: Fri 06, Thu 05
        { RegionCalendarKind.Mainland, "2026-02-12", 5, PeriodUnit.WorkingDays, 3, PeriodUnit.WorkingDays, "2026-02-14T00:00" }, // due Thu 26: Wed 25, Tue 24, 调休 Sat 14
        { RegionCalendarKind.Mainland, "2026-02-01", 15, PeriodUnit.Days, 3, PeriodUnit.Days, "2026-02-21T00:00" }, // due Tue 24
        { RegionCalendarKind.Macao, "2025-12-19", 3, PeriodUnit.WorkingDays, 1, PeriodUnit.WorkingDays, "2025-12-29T00:00" }, // due Tue 30
        { RegionCalendarKind.Macao, "2025-12-19", 3, PeriodUnit.WorkingDays, 2, PeriodUnit.WorkingDays, "2025-12-26T00:00" }, // Mon 29, Fri 26
        { RegionCalendarKind.Mainland, "2026-03-02T10:20", 24, PeriodUnit.Hours, 2, PeriodUnit.Hours, "2026-03-03T09:00" }, // expires 11:00
    };

    [Theory]
    [MemberData(nameof(Reminders))]
    public void A_reminder_falls_the_given_units_before_the_last_day(
        RegionCalendarKind calendar, string start, int amount, PeriodUnit unit, int before, PeriodUnit beforeUnit, string reminder)
    {
        var due = DeadlineArithmetic.Compute(ShippedCalendarFiles.Of(calendar), Local(start), new Period(amount, unit));

        Assert.Equal(Local(reminder), DeadlineArithmetic.ReminderOf(ShippedCalendarFiles.Of(calendar), due, new Period(before, beforeUnit)));
    }

    [Fact]
    public void A_reminder_in_months_is_refused()
    {
        var due = DeadlineArithmetic.Compute(ShippedCalendarFiles.Mainland, Local("2026-03-02"), new Period(3, PeriodUnit.Months));

        Assert.Throws<ArgumentException>(() => DeadlineArithmetic.ReminderOf(ShippedCalendarFiles.Mainland, due, new Period(1, PeriodUnit.Months)));
    }

    public static TheoryData<RegionCalendarKind, PeriodUnit, string, string, int> Pauses => new()
    {
        { RegionCalendarKind.Mainland, PeriodUnit.Days, "2026-03-02T10:00", "2026-03-05T09:00", 3 }, // 02, 03, 04
        { RegionCalendarKind.Mainland, PeriodUnit.Months, "2026-03-02T10:00", "2026-03-05T09:00", 3 }, // months pause in days
        { RegionCalendarKind.Mainland, PeriodUnit.Days, "2026-03-02T09:00", "2026-03-02T17:00", 0 }, // same day
        { RegionCalendarKind.Mainland, PeriodUnit.Days, "2026-03-02T23:30", "2026-03-03T00:30", 1 }, // local midnight passed
        { RegionCalendarKind.Mainland, PeriodUnit.WorkingDays, "2026-02-13T10:00", "2026-02-25T10:00", 3 }, // Fri 13, 调休 Sat 14, Tue 24
        { RegionCalendarKind.HongKong, PeriodUnit.WorkingDays, "2026-02-13T10:00", "2026-02-25T10:00", 5 }, // 13, 16, 20, 23, 24
        { RegionCalendarKind.Macao, PeriodUnit.WorkingDays, "2026-02-13T10:00", "2026-02-25T10:00", 5 }, // 13, 16 (half day counts), 20, 23, 24
        { RegionCalendarKind.Mainland, PeriodUnit.Hours, "2026-03-02T10:00", "2026-03-02T12:30", 3 }, // rounded up
        { RegionCalendarKind.Mainland, PeriodUnit.Hours, "2026-03-02T10:00", "2026-03-02T12:00", 2 },
    };

    [Theory]
    [MemberData(nameof(Pauses))]
    public void A_pause_takes_its_units_out_of_the_count(RegionCalendarKind calendar, PeriodUnit unit, string pausedAt, string resumedAt, int units) =>
        Assert.Equal(units, DeadlineArithmetic.PausedUnits(ShippedCalendarFiles.Of(calendar), unit, Local(pausedAt), Local(resumedAt)));

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(string text) =>
        text.Length == 10
            ? new DateTimeOffset(Date(text).ToDateTime(TimeOnly.MinValue), Utc8)
            : new DateTimeOffset(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), Utc8);
}
