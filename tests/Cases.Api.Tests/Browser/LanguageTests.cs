using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// The interface speaks Simplified Chinese, Traditional Chinese and English: the browser's
/// Accept-Language chooses the first page, a choice made on any page is remembered, and a signed-in
/// user without either gets their centre's language.
/// </summary>
public sealed class LanguageTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    [Theory]
    [InlineData("zh-CN", "zh-Hans", "登录案件管理系统", "用户名")]
    [InlineData("zh-HK", "zh-Hant", "登入案件管理系統", "用戶名稱")]
    [InlineData("en-GB", "en", "Sign in to Cases", "Username")]
    public async Task The_browsers_language_chooses_the_first_page(string acceptLanguage, string lang, string heading, string usernameLabel)
    {
        var page = await api.NewPageAsync(acceptLanguage);

        await page.GotoAsync("/signin");

        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(usernameLabel, await page.Locator("label[for=username]").InnerTextAsync());
        await page.AssertAccessibleAsync(expectNavigation: false);
        await page.SaveAsync($"sign-in.{lang}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_language_chosen_on_a_page_is_remembered_on_the_next_and_after_signing_in()
    {
        var page = await api.NewPageAsync("zh-CN");
        await page.GotoAsync("/signin");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        Assert.Equal("Sign in to Cases", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "English" }).GetAttributeAsync("aria-pressed"));
        await page.ReloadAsync();
        Assert.Equal("Sign in to Cases", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "繁體中文" }).ClickAsync();
        Assert.Equal("登入案件管理系統", await page.Locator("h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_said_in_the_readers_language_beside_a_form_that_keeps_the_username()
    {
        api.Accounts.TokenFor("hk.wrong", ["CaseHandler"], "HK", null);
        api.Accounts.SetPassword("hk.wrong", BrowserApi.Password);
        var page = await api.NewPageAsync("zh-HK");
        await page.GotoAsync("/signin");

        await page.GetByLabel("用戶名稱").FillAsync("hk.wrong");
        await page.GetByLabel("密碼").FillAsync("Not-the-password-1");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "登入" }).ClickAsync(),
            response => response.Url.EndsWith("/signin", StringComparison.Ordinal) && response.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        Assert.Equal("用戶名稱或密碼錯誤，或帳戶暫時被鎖定。請稍後再試。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("hk.wrong", await page.GetByLabel("用戶名稱").InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_a_choice_or_a_language_the_browser_names_a_signed_in_user_gets_their_centres_language()
    {
        // Accept-Language names only French: neither is ours, so the centre decides.
        var hongKong = await api.SignedInPageAsync("hk.centre.default", "IntakeOfficer", "HK", acceptLanguage: "fr-FR");
        Assert.Equal("zh-Hant", await hongKong.Locator("html").GetAttributeAsync("lang"));
        var guangdong = await api.SignedInPageAsync("gd.centre.default", "IntakeOfficer", "GD", acceptLanguage: "fr-FR");
        Assert.Equal("zh-Hans", await guangdong.Locator("html").GetAttributeAsync("lang"));
        await hongKong.Context.CloseAsync();
        await guangdong.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_fits_a_phone_without_sideways_scrolling()
    {
        var page = await api.NewPageAsync("zh-CN", phone: true);
        await page.GotoAsync("/signin");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        await page.SaveAsync("sign-in.phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_sent_with_a_stale_antiforgery_token_gets_the_400_page_in_the_readers_language_and_changes_nothing()
    {
        var page = await api.SignedInPageAsync("gd.stale.form", "IntakeOfficer", "GD", acceptLanguage: "en-GB");
        await page.GotoAsync("/signin");
        await page.Locator("form.languages input[name=__RequestVerificationToken]").EvaluateAsync("input => input.value = 'stale'");
        await page.Locator("form[action='/signout'] input[name=__RequestVerificationToken]").EvaluateAsync("input => input.value = 'stale'");

        var language = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "简体中文" }).ClickAsync(),
            response => response.Url.EndsWith("/language", StringComparison.Ordinal));

        Assert.Equal(400, language.Status);
        Assert.Equal("The form could not be accepted", await page.Locator("h1").InnerTextAsync());

        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.Locator("form[action='/signout'] input[name=__RequestVerificationToken]").EvaluateAsync("input => input.value = 'stale'");
        var signOut = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            response => response.Url.EndsWith("/signout", StringComparison.Ordinal));

        Assert.Equal(400, signOut.Status);
        // Still signed in: the menu is still there.
        await page.GotoAsync("/staff");
        Assert.Equal(200, (await page.GotoAsync("/staff"))!.Status);
        await page.Context.CloseAsync();
    }
}
