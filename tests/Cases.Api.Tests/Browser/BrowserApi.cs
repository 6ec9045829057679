using System.Net;
using Cases.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// The whole application served by Kestrel on a loopback port, and Debian's Chromium driven by
/// Playwright against it: what a person sees and does, in a real browser. One per test class.
/// </summary>
public class BrowserApi : CasesApi
{
    /// <summary>The password of every account a browser test signs in with.</summary>
    public const string Password = "Browser-test-password-1";

    /// <summary>The flags that let Chromium start headless on a machine without a display or network (and as root in CI).</summary>
    private static readonly string[] OfflineFlags =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserApi()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the application listens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // CI runs as root, where Chromium's sandbox cannot start.
            ChromiumSandbox = false,
            Args = OfflineFlags,
        });
    }

    /// <summary>
    /// A new browser window (its own cookies) whose Accept-Language is <paramref name="acceptLanguage"/>,
    /// as wide as a desktop screen or, with <paramref name="phone"/>, a phone.
    /// </summary>
    public async Task<IPage> NewPageAsync(string acceptLanguage = "zh-CN", bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = acceptLanguage,
            // Exactly this header: Chromium would otherwise add its own fallbacks (e.g. en) to the locale.
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A window signed in through the sign-in form as <paramref name="user"/> (created with these roles,
    /// at this centre or of this enterprise), left on the page the form returns to.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string user, string roles, string? centre = null, Guid? enterprise = null, string acceptLanguage = "zh-CN", bool phone = false)
    {
        using (ClientAs(this, user, roles, centre, enterprise))
        {
            // Creates the account with exactly these roles and belonging.
        }

        Accounts.SetPassword(user, Password);
        var page = await NewPageAsync(acceptLanguage, phone);
        await page.GotoAsync("/signin");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form[action='/signin'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Debian's Chromium, or the one CASES_CHROMIUM names (./cases test installs and names it).</summary>
    public static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CASES_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"No Chromium at {path}: run the tests with ./cases test, which installs Debian's chromium, or set CASES_CHROMIUM.");
    }

    public override async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
