namespace Cases.Domain.Regions;

/// <summary>
/// One of the Pan-Pearl-River-Delta "9+2" (泛珠三角 9+2): nine mainland provinces and regions,
/// and the Hong Kong and Macao special administrative regions. Codes are ISO 3166-2:CN suffixes.
/// </summary>
public sealed class Region
{
    // Every region of the 9+2 keeps UTC+8 all year (no daylight saving), so a local date is exact.
    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);

    private Region(string code, string simplifiedChineseName, string traditionalChineseName, string englishName, RegionCalendarKind calendar)
    {
        Code = code;
        SimplifiedChineseName = simplifiedChineseName;
        TraditionalChineseName = traditionalChineseName;
        EnglishName = englishName;
        Calendar = calendar;
    }

    public string Code { get; }

    public string SimplifiedChineseName { get; }

    public string TraditionalChineseName { get; }

    public string EnglishName { get; }

    public RegionCalendarKind Calendar { get; }

    public static Region Fujian { get; } = new("FJ", "福建", "福建", "Fujian", RegionCalendarKind.Mainland);
    public static Region Jiangxi { get; } = new("JX", "江西", "江西", "Jiangxi", RegionCalendarKind.Mainland);
    public static Region Hunan { get; } = new("HN", "湖南", "湖南", "Hunan", RegionCalendarKind.Mainland);
    public static Region Guangdong { get; } = new("GD", "广东", "廣東", "Guangdong", RegionCalendarKind.Mainland);
    public static Region Guangxi { get; } = new("GX", "广西", "廣西", "Guangxi", RegionCalendarKind.Mainland);
    public static Region Hainan { get; } = new("HI", "海南", "海南", "Hainan", RegionCalendarKind.Mainland);
    public static Region Sichuan { get; } = new("SC", "四川", "四川", "Sichuan", RegionCalendarKind.Mainland);
    public static Region Guizhou { get; } = new("GZ", "贵州", "貴州", "Guizhou", RegionCalendarKind.Mainland);
    public static Region Yunnan { get; } = new("YN", "云南", "雲南", "Yunnan", RegionCalendarKind.Mainland);
    public static Region HongKong { get; } = new("HK", "香港", "香港", "Hong Kong SAR", RegionCalendarKind.HongKong);
    public static Region Macao { get; } = new("MO", "澳门", "澳門", "Macao SAR", RegionCalendarKind.Macao);

    /// <summary>The 9+2, in the order of the cooperation agreement.</summary>
    public static IReadOnlyList<Region> All { get; } =
        [Fujian, Jiangxi, Hunan, Guangdong, Guangxi, Hainan, Sichuan, Guizhou, Yunnan, HongKong, Macao];

    public static bool TryFromCode(string? code, out Region region)
    {
        region = All.FirstOrDefault(candidate => string.Equals(candidate.Code, code, StringComparison.Ordinal))!;
        return region is not null;
    }

    public static Region FromCode(string code) =>
        TryFromCode(code, out var region)
            ? region
            : throw new ArgumentException($"'{code}' is not a region of the 9+2 ({string.Join(", ", All.Select(r => r.Code))}).", nameof(code));

    /// <summary>The calendar date in this region at an instant.</summary>
    public DateOnly LocalDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(LocalOffset).DateTime);

    public override string ToString() => Code;
}
