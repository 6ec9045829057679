using System.Globalization;

namespace Cases.Api.Web;

/// <summary>
/// Dates, times and numbers as the reader's language writes them: 2026年3月2日 in Chinese, 2 Mar 2026
/// in English (as Hong Kong and Macao write it). Times are shown in UTC+8, the clock of every centre
/// of the 9+2, whatever the server's time zone.
/// </summary>
public static class Formats
{
    /// <summary>The offset of every 9+2 region (China Standard Time, Hong Kong Time, Macao Time).</summary>
    public static readonly TimeSpan CentreOffset = TimeSpan.FromHours(8);

    private static bool InChinese => Texts.LanguageOf(CultureInfo.CurrentUICulture) != Languages.English.Code;

    public static string Date(DateOnly date) =>
        date.ToString(InChinese ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : string.Empty;

    /// <summary>The day an instant falls on in UTC+8, e.g. when a case was filed.</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.ToOffset(CentreOffset).DateTime));

    /// <summary>The weekday and date, e.g. 2026年3月2日（星期一） or Mon 2 Mar 2026.</summary>
    public static string DateWithWeekday(DateOnly date) =>
        InChinese
            ? $"{Date(date)}（{CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(date.DayOfWeek)}）"
            : date.ToString("ddd d MMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(CentreOffset);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static string DateTime(DateTimeOffset? instant) => instant is { } value ? DateTime(value) : string.Empty;

    /// <summary>The date part in UTC+8, as yyyy-MM-dd for a date input's value.</summary>
    public static string InputDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Number(double value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    /// <summary>A share as a percentage, e.g. 87.5%.</summary>
    public static string Percent(double share, int decimals = 1) => share.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
}
