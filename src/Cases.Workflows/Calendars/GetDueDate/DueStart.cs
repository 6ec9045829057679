using System.Globalization;

namespace Cases.Workflows.Calendars.GetDueDate;

/// <summary>The start of a period as the due-date query takes it.</summary>
public readonly record struct DueStart(DateTimeOffset Instant, bool HasTimeOfDay)
{
    private static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz"];

    public static bool TryParse(string? text, out DueStart start)
    {
        start = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            start = new DueStart(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Utc8), false);
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            start = new DueStart(new DateTimeOffset(local, Utc8), true);
            return true;
        }

        // A URL's "+" may arrive as a space.
        if (DateTimeOffset.TryParseExact(text.Replace(' ', '+'), OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            start = new DueStart(instant.ToOffset(Utc8), true);
            return true;
        }

        return false;
    }

    public override string ToString() =>
        HasTimeOfDay
            ? Instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : Instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
