using System.Text.Json;
using Cases.Domain.Calendars;
using Cases.Domain.Regions;

namespace Cases.Domain.Tests.Calendars;

/// <summary>The calendars built from the data files the application ships (calendars/*.json, copied next to the tests).</summary>
public static class ShippedCalendarFiles
{
    private static readonly Lazy<IReadOnlyDictionary<RegionCalendarKind, WorkingCalendar>> Calendars = new(Load);

    public static WorkingCalendar Mainland => Calendars.Value[RegionCalendarKind.Mainland];

    public static WorkingCalendar HongKong => Calendars.Value[RegionCalendarKind.HongKong];

    public static WorkingCalendar Macao => Calendars.Value[RegionCalendarKind.Macao];

    public static WorkingCalendar Of(RegionCalendarKind kind) => Calendars.Value[kind];

    private static IReadOnlyDictionary<RegionCalendarKind, WorkingCalendar> Load()
    {
        var years = new Dictionary<RegionCalendarKind, List<int>>();
        var days = new Dictionary<RegionCalendarKind, List<CalendarDay>>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "calendars"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var kind = Enum.Parse<RegionCalendarKind>(root.GetProperty("calendar").GetString()!);
            (years.TryGetValue(kind, out var yearList) ? yearList : years[kind] = []).Add(root.GetProperty("year").GetInt32());
            var dayList = days.TryGetValue(kind, out var existing) ? existing : days[kind] = [];
            foreach (var day in root.GetProperty("days").EnumerateArray())
            {
                dayList.Add(new CalendarDay(
                    DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    Enum.Parse<CalendarDayKind>(day.GetProperty("kind").GetString()!),
                    day.GetProperty("name").GetString()!));
            }
        }

        return years.ToDictionary(entry => entry.Key, entry => new WorkingCalendar(entry.Key, entry.Value, days[entry.Key]));
    }
}
