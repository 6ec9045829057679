using System.Globalization;
using Cases.Domain.Regions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cases.Api.Web;

/// <summary>One language of the web interface: its culture and its own name for itself.</summary>
public sealed record Language(string Code, string NativeName)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Code);
}

/// <summary>
/// The three languages of the web interface (简体中文, 繁體中文, English) and how one is chosen:
/// the visitor's remembered choice, else the browser's Accept-Language, else the default of the
/// signed-in user's centre (Traditional Chinese for Hong Kong and Macao, Simplified elsewhere).
/// </summary>
public static class Languages
{
    public static Language SimplifiedChinese { get; } = new("zh-Hans", "简体中文");

    public static Language TraditionalChinese { get; } = new("zh-Hant", "繁體中文");

    public static Language English { get; } = new("en", "English");

    public static IReadOnlyList<Language> All { get; } = [SimplifiedChinese, TraditionalChinese, English];

    /// <summary>The cookie that remembers the visitor's choice (a year).</summary>
    public const string CookieName = "cases.language";

    public static Language? FromCode(string? code) =>
        All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Hong Kong and Macao read Traditional Chinese; the mainland centres Simplified.</summary>
    public static Language DefaultForCentre(string? centreCode) =>
        centreCode is not null && Region.TryFromCode(centreCode, out var region) && region.Calendar is not RegionCalendarKind.Mainland
            ? TraditionalChinese
            : SimplifiedChinese;

    /// <summary>
    /// The first of the browser's languages (by quality) that we speak: zh-HK, zh-MO, zh-TW and
    /// zh-Hant* are Traditional; any other Chinese is Simplified; any English is English.
    /// </summary>
    public static Language? FromAcceptLanguage(StringValues header)
    {
        if (!StringWithQualityHeaderValue.TryParseList(header, out var values))
        {
            return null;
        }

        return values
            .Where(value => value.Quality is null or > 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => FromTag(value.Value.Value))
            .FirstOrDefault(language => language is not null);
    }

    private static Language? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var parts = tag.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var primary = parts[0].ToLowerInvariant();
        if (primary == "en")
        {
            return English;
        }

        if (primary != "zh")
        {
            return null;
        }

        var rest = parts.Skip(1).Select(part => part.ToLowerInvariant()).ToArray();
        if (rest.Contains("hant") || rest.Contains("hk") || rest.Contains("mo") || rest.Contains("tw"))
        {
            return rest.Contains("hans") ? SimplifiedChinese : TraditionalChinese;
        }

        return SimplifiedChinese;
    }
}
