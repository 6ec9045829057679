using Cases.Domain.Regions;

namespace Cases.Workflows.Calendars;

/// <summary>Which calendar a region counts time limits on, and which regions share it (the nine mainland provinces share one).</summary>
public static class RegionCalendars
{
    public static RegionCalendarKind CalendarOf(Region region) => region.Calendar;

    /// <summary>Every region on that calendar, in the order of the cooperation agreement.</summary>
    public static IReadOnlyList<Region> RegionsOn(RegionCalendarKind calendar) =>
        Region.All.Where(region => region.Calendar == calendar).ToList();

    /// <summary>The other regions whose deadlines a change to this region's calendar changes too.</summary>
    public static IReadOnlyList<string> SharedWith(Region region) =>
        Region.All.Where(other => other.Calendar == region.Calendar && other != region).Select(other => other.Code).ToList();

    /// <summary>The region of a route's code (case-insensitive), or 404.</summary>
    public static Region RegionFromRoute(string? code) =>
        Region.TryFromCode(code?.ToUpperInvariant(), out var region)
            ? region
            : throw new Pipeline.NotFoundException("Region", code ?? string.Empty);
}
