using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// Screenshots of the key pages, kept with the test run's results (./cases test sets
/// CASES_SCREENSHOTS to TestResults/&lt;run&gt;/screenshots) so a person can see what the tests saw.
/// </summary>
public static class Screenshots
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("CASES_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "cases-screenshots");

    /// <summary>Saves the whole page as <paramref name="name"/>.png and returns the file's path.</summary>
    public static async Task<string> SaveAsync(this IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
