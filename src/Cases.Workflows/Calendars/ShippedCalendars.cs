using System.Globalization;
using System.Text.Json;
using Cases.Domain.Calendars;
using Cases.Domain.Regions;

namespace Cases.Workflows.Calendars;

/// <summary>One year of a calendar as a data file holds it (calendars/mainland-2026.json and the like).</summary>
public sealed record CalendarYearFile(string FileName, RegionCalendarKind Calendar, int Year, string Source, IReadOnlyList<CalendarDay> Days);

/// <summary>The calendar files shipped in <c>calendars/</c>, embedded in this assembly.</summary>
public static class ShippedCalendars
{
    private const string Prefix = "calendars/";
    private static readonly Lazy<IReadOnlyList<CalendarYearFile>> Files = new(ReadEmbedded);

    public static IReadOnlyList<CalendarYearFile> All => Files.Value;

    /// <summary>The shipped years as calendars, one per kind: what a fresh database holds after start-up.</summary>
    public static IReadOnlyDictionary<RegionCalendarKind, WorkingCalendar> Build() =>
        Enum.GetValues<RegionCalendarKind>().ToDictionary(
            kind => kind,
            kind => new WorkingCalendar(kind, All.Where(file => file.Calendar == kind).Select(file => file.Year), All.Where(file => file.Calendar == kind).SelectMany(file => file.Days)));

    /// <summary>Reads one file: <c>{"calendar":"Mainland","year":2026,"source":"…","days":[{"date":"2026-02-15","kind":"Holiday","name":"春节 Spring Festival"}]}</c>.</summary>
    public static CalendarYearFile Parse(string fileName, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var calendar = Enum.Parse<RegionCalendarKind>(root.GetProperty("calendar").GetString()!);
            var year = root.GetProperty("year").GetInt32();
            var days = root.GetProperty("days").EnumerateArray().Select(day => new CalendarDay(
                DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Enum.Parse<CalendarDayKind>(day.GetProperty("kind").GetString()!),
                day.GetProperty("name").GetString()!)).ToList();
            // Building a calendar checks the days: all in the year, no date twice, kinds the calendar allows.
            _ = new WorkingCalendar(calendar, [year], days);
            return new CalendarYearFile(fileName, calendar, year, root.GetProperty("source").GetString()!, days);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The calendar file {fileName} is not valid: {exception.Message}", exception);
        }
    }

    private static IReadOnlyList<CalendarYearFile> ReadEmbedded()
    {
        var assembly = typeof(ShippedCalendars).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return Parse(name, reader.ReadToEnd());
            })
            .ToList();
    }
}
