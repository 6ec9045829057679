using System.Globalization;
using System.Net.Http.Headers;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// The key-enterprise portal (直通车) in the browser: filing through the guided form with the
/// right's number checked as it is typed (and on submit without JavaScript), what is expected of
/// the enterprise and by when, submitting corrections (提交补正) through the action form, another
/// enterprise's case not found, and the enterprise's API tokens.
/// </summary>
public sealed class PortalPageTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    private const string IpcClass = "G02B 13/00";

    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task An_enterprise_files_a_fast_track_case_through_the_guided_form_and_lands_on_its_page()
    {
        var (enterprise, name, _) = await EnterpriseAsync("Zhuhai Guided Filing Optics Co., Ltd.");
        var page = await api.SignedInPageAsync($"filer.{enterprise:N}", "EnterpriseUser", enterprise: enterprise);

        await page.GotoAsync("/portal/file");
        Assert.Equal("通过直通车提交案件", await page.Locator("h1").InnerTextAsync());
        // The enterprise files as itself: its name and credit code are already there.
        Assert.Equal(name, await page.Locator("#parties-0-name").InputValueAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-file.zh-Hans");

        await page.Locator("#kind-FastTrackPreExamination").CheckAsync();
        await page.GetByLabel("案件名称").FillAsync("车载摄像头镜头组件");
        await page.GetByLabel("发生了什么？您有什么请求？").FillAsync("向国家知识产权局提交申请前请求预审。");
        await page.Locator("#rights-0-number").FillAsync(Filings.InventionNumber);
        await page.Locator("#rights-0-title").FillAsync("镜头组件");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交案件" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/portal/cases/", StringComparison.Ordinal));
        var number = (await page.Locator(".portal-case-number").InnerTextAsync()).Replace("案件 ", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("GD-", number, StringComparison.Ordinal);
        Assert.Equal($"案件 {number} 已提交至广东保护中心。本页显示后续进展。", await page.Locator(".notice").InnerTextAsync());
        Assert.Equal("车载摄像头镜头组件", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("已收件", await Summary(page, "状态"));
        Assert.Contains("目前无需您办理任何事项：中心正在办理，当前环节为“已收件”。", await page.Locator(".expected").InnerTextAsync());
        Assert.Contains(Filings.InventionNumber, await page.Locator("table").Last.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-case.zh-Hans");

        await page.GotoAsync("/portal");
        var row = page.Locator("tr", new() { HasText = "车载摄像头镜头组件" });
        Assert.Contains("目前无需您办理任何事项", await row.InnerTextAsync());
        Assert.Contains(number, await row.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-cases.zh-Hans");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_a_wrong_number_is_explained_beside_its_field_in_traditional_chinese_and_the_form_keeps_what_was_entered()
    {
        var (enterprise, _, _) = await EnterpriseAsync("Macao Lantern Design Ltd.");
        var user = $"nojs.{enterprise:N}";
        using (api.ClientAs(api, user, "EnterpriseUser", enterprise: enterprise))
        {
            // Creates the account.
        }

        api.Accounts.SetPassword(user, BrowserApi.Password);
        var context = await api.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = api.BaseUrl,
            JavaScriptEnabled = false,
            Locale = "zh-HK",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-HK" },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(BrowserApi.Password);
        await page.Locator("form[action='/signin'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/portal", StringComparison.Ordinal));

        await page.GotoAsync("/portal/file");
        await page.Locator("#kind-RightsDefence").CheckAsync();
        await page.GetByLabel("案件名稱").FillAsync("網上銷售仿冒燈具");
        await page.Locator("#parties-1-name").FillAsync("Pearl River Lamps Trading Co., Ltd.");
        await page.Locator("#rights-0-number").FillAsync("201710601862.4");
        await page.Locator("#rights-1-kind").SelectOptionAsync("Trademark");
        await page.Locator("#rights-1-number").FillAsync("12345678");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "提交案件" }).ClickAsync(),
            response => response.Url.EndsWith("/portal/file", StringComparison.Ordinal) && response.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Contains("請更正下面標出的欄位。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal(
            "「201710601862.4」的校驗位有誤：按數字 201710601862 計算，校驗位應為 3，而不是 4。請檢查是否有數字輸入錯誤。",
            await page.Locator("#rights-0-number-check").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#rights-0-number").GetAttributeAsync("aria-invalid"));
        // The valid trademark row has no message, and everything entered is still there.
        Assert.Equal(string.Empty, await page.Locator("#rights-1-number-check").InnerTextAsync());
        Assert.Equal("網上銷售仿冒燈具", await page.GetByLabel("案件名稱").InputValueAsync());
        Assert.Equal("12345678", await page.Locator("#rights-1-number").InputValueAsync());
        Assert.True(await page.Locator("#kind-RightsDefence").IsCheckedAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-file-refused.zh-Hant");

        // Corrected, the same form files the case.
        await page.Locator("#rights-0-number").FillAsync(Filings.InventionNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交案件" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/portal/cases/", StringComparison.Ordinal));
        Assert.Contains("已提交至廣東保護中心", await page.Locator(".notice").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task With_javascript_the_number_is_checked_in_english_as_it_is_typed_by_the_same_rules_as_the_filing()
    {
        var (enterprise, _, _) = await EnterpriseAsync("Shenzhen Typing Check Co., Ltd.");
        var page = await api.SignedInPageAsync($"typist.{enterprise:N}", "EnterpriseUser", enterprise: enterprise, acceptLanguage: "en-GB");
        await page.GotoAsync("/portal/file");
        var number = page.Locator("#rights-0-number");
        var said = page.Locator("#rights-0-number-check");

        await number.PressSequentiallyAsync("201710601862.4");
        await Assertions.Expect(said).ToHaveTextAsync(
            "The check digit of '201710601862.4' is wrong: the digits 201710601862 give check digit 3, not 4. Check the number for a mistyped digit.");
        Assert.Equal("true", await number.GetAttributeAsync("aria-invalid"));

        await page.Locator("#rights-0-kind").SelectOptionAsync("DesignPatent");
        await number.FillAsync("201710601862.3");
        await Assertions.Expect(said).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("has kind digit 1, which means an invention application"));

        await page.Locator("#rights-0-kind").SelectOptionAsync("InventionPatent");
        await number.FillAsync("ZL 2017 1 0601862.3");
        await Assertions.Expect(said).ToHaveTextAsync("The number is valid; the register writes it 201710601862.3.");
        Assert.Equal("false", await number.GetAttributeAsync("aria-invalid"));

        // The endpoint itself answers {valid, message}; signed-out readers get the sign-in page, not an answer.
        var answer = await page.APIRequest.GetAsync("/portal/rights/check?kind=Trademark&number=TM-1");
        var json = JsonDocument.Parse(await answer.TextAsync()).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("A trademark registration number is 1 to 9 digits; 'TM-1' is not.", json.GetProperty("message").GetString());
        var anonymous = await api.NewPageAsync("en-GB");
        await anonymous.GotoAsync("/portal/rights/check?kind=Trademark&number=1");
        Assert.Contains("/signin", anonymous.Url, StringComparison.Ordinal);
        await anonymous.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Our_cases_come_newest_first_ten_to_a_page()
    {
        var (enterprise, _, _) = await EnterpriseAsync("Changsha Many Cases Co., Ltd.");
        var user = $"many.{enterprise:N}";
        var client = workflow.As(user, "EnterpriseUser", enterprise: enterprise);
        var start = api.Clock.GetUtcNow();
        try
        {
            for (var index = 1; index <= 11; index++)
            {
                // A minute apart, so that "newest" is well defined.
                api.Clock.Advance(TimeSpan.FromMinutes(1));
                var response = await client.PostAsJsonAsync("/api/cases", WithoutCentre(Filings.RightsDefence(title: $"Paged case {index:00}")));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        }
        finally
        {
            api.Clock.Set(start);
        }

        var page = await api.SignedInPageAsync(user, "EnterpriseUser", enterprise: enterprise, acceptLanguage: "en-GB");
        await page.GotoAsync("/portal");
        var rows = page.Locator("table.portal-cases tbody tr");
        Assert.Equal(10, await rows.CountAsync());
        Assert.Contains("Paged case 11", await rows.First.InnerTextAsync());
        Assert.Contains("Paged case 02", await rows.Last.InnerTextAsync());
        Assert.Equal("Cases 1–10 of 11", await page.Locator("caption").InnerTextAsync());
        Assert.Contains("Page 1 of 2", await page.Locator(".pager").InnerTextAsync());
        // A rights-defence case waits on the centre's acceptance: nothing is expected of the enterprise, but the centre's time limit runs.
        Assert.Contains("Nothing is expected of you now: the centre is working on it", await rows.First.InnerTextAsync());
        Assert.Contains("days left", await rows.First.Locator("td").Last.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-cases.en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Older cases" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/portal?page=2", StringComparison.Ordinal));
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("Paged case 01", await rows.First.InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Newer cases" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_filing_form_and_the_case_list_fit_a_phone_without_sideways_scrolling()
    {
        var (enterprise, _, _) = await EnterpriseAsync("Hainan Narrow Screen Co., Ltd.");
        var page = await api.SignedInPageAsync($"phone.{enterprise:N}", "EnterpriseUser", enterprise: enterprise, phone: true);
        await workflow.As($"phone.{enterprise:N}", "EnterpriseUser", enterprise: enterprise).PostAsJsonAsync("/api/cases", WithoutCentre(Filings.RightsDefence()));

        foreach (var path in new[] { "/portal/file", "/portal" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone");
        }

        await page.GotoAsync("/portal/file");
        await page.SaveAsync("portal-file.phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_centre_asks_for_corrections_the_enterprise_sees_by_when_and_submits_them_through_the_form()
    {
        var (enterprise, name, code) = await EnterpriseAsync("Foshan Corrected Lens Co., Ltd.");
        await RegisterApplicantAsync(name, code);
        var user = $"corrector.{enterprise:N}";
        var id = await FileFastTrackAsync(user, enterprise, name, code);
        await workflow.ActAsync(id, "confirmEligibility", new { ipcClass = IpcClass, pctNationalPhase = false }, roles: "IntakeOfficer");
        await workflow.ActAsync(id, "requestCorrections", new { deficiencies = "Claim 3 lacks antecedent basis." }, roles: "CaseHandler");
        var lastDay = DateOnly.Parse((await workflow.DeadlineAsync(id, "CorrectionsResponse")).GetProperty("lastDay").GetString()!, CultureInfo.InvariantCulture);
        var written = $"{lastDay.Year}年{lastDay.Month}月{lastDay.Day}日";
        var daysLeft = lastDay.DayNumber - DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).DayNumber;

        var page = await api.SignedInPageAsync(user, "EnterpriseUser", enterprise: enterprise);
        await page.GotoAsync("/portal");
        var row = page.Locator("tr", new() { HasText = "Lens assembly for vehicle cameras" });
        var expected = await row.Locator(".expected").InnerTextAsync();
        Assert.Contains("需要您办理：", expected);
        Assert.Contains($"{written}前提交补正", expected);
        Assert.Contains($"剩余 {daysLeft} 天", await row.InnerTextAsync());
        Assert.Equal("待补正", await row.Locator("td").Nth(2).InnerTextAsync());

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal("待补正", await Summary(page, "状态"));
        Assert.Contains($"{written}前提交补正", await page.Locator(".expected").InnerTextAsync());
        // The notice says what to correct: the enterprise sees the deficiencies the centre listed.
        Assert.Contains("Claim 3 lacks antecedent basis.", await page.Locator(".portal-timeline").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-case-corrections.zh-Hans");

        var form = page.Locator("#action-submitCorrections");
        await form.Locator("textarea, input[type=text]").First.FillAsync("权利要求3已修改，补充了引用基础。");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith($"/portal/cases/{id}", StringComparison.Ordinal));
        Assert.Equal("已办理：提交补正。案件现处于“形式审查”环节。", await page.Locator(".notice").InnerTextAsync());
        Assert.Equal("形式审查", await Summary(page, "状态"));
        Assert.Contains("目前无需您办理任何事项", await page.Locator(".expected").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#action-submitCorrections").CountAsync());
        Assert.Equal("FormalityCheck", await workflow.StateAsync(id));
        Assert.Contains("权利要求3已修改", await page.Locator(".portal-timeline").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_step_the_case_no_longer_offers_is_refused_with_409_and_the_page_shows_the_case_as_it_is_now()
    {
        var (enterprise, name, code) = await EnterpriseAsync("Guilin Late Answer Co., Ltd.");
        await RegisterApplicantAsync(name, code);
        var user = $"late.{enterprise:N}";
        var id = await FileFastTrackAsync(user, enterprise, name, code);
        await workflow.ActAsync(id, "confirmEligibility", new { ipcClass = IpcClass, pctNationalPhase = false }, roles: "IntakeOfficer");
        await workflow.ActAsync(id, "requestCorrections", new { deficiencies = "Drawings missing." }, roles: "CaseHandler");
        var page = await api.SignedInPageAsync(user, "EnterpriseUser", enterprise: enterprise, acceptLanguage: "en-GB");
        await page.GotoAsync($"/portal/cases/{id}");
        Assert.Contains("Expected of you:", await page.Locator(".expected").InnerTextAsync());

        // Meanwhile the case handler records the corrections received by post.
        await workflow.ActAsync(id, "submitCorrections", new { corrections = "Received by post." }, roles: "CaseHandler");
        var form = page.Locator("#action-submitCorrections");
        await form.Locator("textarea, input[type=text]").First.FillAsync("Drawings attached.");
        var response = await page.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button).ClickAsync(),
            response => response.Request.Method == "POST");

        Assert.Equal(409, response.Status);
        Assert.Contains("This action is no longer open: the case has moved on.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("Formality check", await Summary(page, "Status"));
        Assert.Equal(0, await page.Locator("#action-submitCorrections").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_enterprises_case_is_not_found_like_a_missing_one()
    {
        var (other, _, _) = await EnterpriseAsync("Kunming Other Enterprise Co., Ltd.");
        var theirs = await workflow.As($"other.{other:N}", "EnterpriseUser", enterprise: other).PostAsJsonAsync("/api/cases", WithoutCentre(Filings.RightsDefence()));
        var theirId = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (enterprise, _, _) = await EnterpriseAsync("Hong Kong Own Cases Ltd.");
        var page = await api.SignedInPageAsync($"own.{enterprise:N}", "EnterpriseUser", enterprise: enterprise, acceptLanguage: "zh-HK");

        var response = await page.GotoAsync($"/portal/cases/{theirId}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("找不到", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(404, (await page.GotoAsync($"/portal/cases/{Guid.NewGuid()}"))!.Status);

        // Their case is not in our list either.
        await page.GotoAsync("/portal");
        Assert.Contains("貴企業尚未有案件。", await page.Locator("main").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_token_is_shown_once_listed_without_its_secret_and_revoked_after_a_confirmation()
    {
        var (enterprise, _, _) = await EnterpriseAsync("Nanning Integration Co., Ltd.");
        var page = await api.SignedInPageAsync($"integrator.{enterprise:N}", "EnterpriseUser", enterprise: enterprise, acceptLanguage: "en-GB");
        await page.GotoAsync("/portal/tokens");
        Assert.Contains("Your enterprise has no tokens in use.", await page.Locator("main").InnerTextAsync());

        await page.GetByLabel("Token name").FillAsync("ERP integration");
        await page.GetByLabel("Valid for (days)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the token" }).ClickAsync();

        Assert.Equal("Token “ERP integration” created", await page.Locator("h2").First.InnerTextAsync());
        Assert.Contains("this is the only time it is shown", await page.Locator(".token-warning").InnerTextAsync());
        var secret = await page.Locator("#token-secret").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-token-created.en");
        using var integration = api.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/cases")).StatusCode);

        await page.GotoAsync("/portal/tokens");
        var row = page.Locator("tr", new() { HasText = "ERP integration" });
        Assert.Equal(1, await row.CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#token-secret").CountAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-tokens.en");

        await row.GetByRole(AriaRole.Link, new() { Name = "Revoke “ERP integration”" }).ClickAsync();
        Assert.Equal("Revoke the token “ERP integration”?", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("portal-token-revoke.en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the token" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/portal/tokens", StringComparison.Ordinal));
        Assert.Equal("The token “ERP integration” is revoked: it no longer works.", await page.Locator(".notice").InnerTextAsync());
        Assert.Equal(0, await page.Locator("table tr", new() { HasText = "ERP integration" }).CountAsync());
        Assert.Contains("Revoked and expired tokens (1)", await page.Locator("details summary").InnerTextAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/cases")).StatusCode);
        await page.Context.CloseAsync();
    }

    /// <summary>A key enterprise at GD, registered through the API: its id, name and credit code.</summary>
    private async Task<(Guid Id, string Name, string CreditCode)> EnterpriseAsync(string name)
    {
        var code = TestEnterprises.NewCreditCode();
        var response = await api.Admin().PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("GD", name, code));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register enterprise: {(int)response.StatusCode} {body}");
        return (JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), name, code);
    }

    /// <summary>Registers the enterprise as an applicant of GD's fast-track pre-examination, in scope G02B.</summary>
    private async Task RegisterApplicantAsync(string name, string code)
    {
        var response = await api.Admin().PutAsJsonAsync("/api/centres/GD/pre-examination", new
        {
            technicalScope = new[] { "G02B" },
            registeredApplicants = new[] { new { name, identifier = code } },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Files a fast-track case as the enterprise's user through the API, the enterprise as the applicant.</summary>
    private async Task<Guid> FileFastTrackAsync(string user, Guid enterprise, string name, string code)
    {
        var filing = WithoutCentre(Filings.FastTrack());
        filing["parties"] = new object[] { new { role = "Applicant", kind = "Organisation", name, identifier = code } };
        var response = await workflow.As(user, "EnterpriseUser", enterprise: enterprise).PostAsJsonAsync("/api/cases", filing);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"file: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static Dictionary<string, object?> WithoutCentre(Dictionary<string, object?> filing)
    {
        filing.Remove("centre");
        return filing;
    }

    /// <summary>The value of a summary-list entry, by its term.</summary>
    private static async Task<string> Summary(IPage page, string term) =>
        (await page.Locator($"dl.summary-list dt:text-is('{term}') + dd").First.InnerTextAsync()).Trim();
}
