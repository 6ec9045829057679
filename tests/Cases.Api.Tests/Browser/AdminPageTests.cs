using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// The administration in a browser: a region's calendar as a year grid, recording a day after its
/// preview of the deadlines it moves, workflow versions with their diagram, staff accounts, and the
/// key-enterprise registry, in all three languages; each page accessible, the calendar on a phone.
/// </summary>
public sealed class AdminPageTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task The_Guangdong_2026_grid_marks_National_Day_as_holidays_and_the_adjusted_working_day_as_working()
    {
        var page = await api.SignedInPageAsync("grid.admin", "SystemAdmin");

        await page.GotoAsync("/admin/calendars?region=GD&year=2026");

        Assert.Equal("工作日历", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("广东 2026 年工作日历", await page.Locator("#grid-heading").InnerTextAsync());
        Assert.Equal(12, await page.Locator(".calendar-grid table").CountAsync());
        var october = page.Locator(".calendar-grid table", new() { Has = page.Locator("caption", new() { HasTextString = "十月" }) });
        Assert.Equal(["周一", "周二", "周三", "周四", "周五", "周六", "周日"], await october.Locator("thead th").AllInnerTextsAsync());
        foreach (var day in new[] { "2026-10-01", "2026-10-04", "2026-10-07" })
        {
            var cell = october.Locator($"td[data-date='{day}']");
            Assert.Contains("法定节假日: 国庆节 National Day", await cell.TextContentAsync());
            Assert.Contains("休", await cell.InnerTextAsync());
            Assert.Equal("法定节假日: 国庆节 National Day", await cell.GetAttributeAsync("title"));
        }

        var adjusted = october.Locator("td[data-date='2026-10-10']");
        Assert.Contains("调休上班日: 调休上班日 adjusted working day (国庆节 National Day)", await adjusted.TextContentAsync());
        Assert.Contains("班", await adjusted.InnerTextAsync());
        var ordinary = october.Locator("td[data-date='2026-10-12']");
        Assert.Equal("12", (await ordinary.InnerTextAsync()).Trim());
        var specialDays = page.Locator("table.special-days tbody tr");
        Assert.Equal(7, await specialDays.Filter(new() { HasTextString = "国庆节 National Day" }).Filter(new() { HasTextString = "法定节假日" }).CountAsync());
        Assert.Equal(1, await specialDays.Filter(new() { HasTextString = "2026年10月10日" }).Filter(new() { HasTextString = "调休上班日" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "预览变更" }).CountAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-calendars.zh-Hans");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_holiday_is_recorded_after_its_preview_lists_the_running_deadline_it_moves()
    {
        // Filed Mon 2 Mar 2026: 5 working days to decide on acceptance, so Mon 9 Mar; a holiday on Thu 5 Mar moves it to Tue 10 Mar.
        var filed = await (await api.Admin().PostAsJsonAsync("/api/cases", Filings.RightsDefence("GD"))).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = filed.GetProperty("id").GetGuid();
        var number = filed.GetProperty("number").GetString()!;
        Assert.Equal("2026-03-09", (await workflow.DeadlineAsync(caseId, "AcceptanceDecision")).GetProperty("lastDay").GetString());
        var page = await api.SignedInPageAsync("record.admin", "SystemAdmin", acceptLanguage: "en-GB");
        await page.GotoAsync("/admin/calendars?region=GD&year=2026");

        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-03-05");
        await page.GetByLabel("Kind of day").SelectOptionAsync(new SelectOptionValue { Label = "Statutory holiday" });
        await page.GetByLabel("Name of the day").FillAsync("Typhoon closure (browser test)");
        await page.GetByLabel("Reason for the change").FillAsync("Provincial notice of 4 March (test data)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the change" }).ClickAsync();

        Assert.Equal("Preview: what recording this day would change", await page.Locator("#preview-heading").InnerTextAsync());
        Assert.Contains("Thu 5 Mar 2026 would become: Statutory holiday (Typhoon closure (browser test)).", await page.Locator(".calendar-preview").InnerTextAsync());
        var moved = page.Locator("table.moved-deadlines tbody tr", new() { HasTextString = number });
        Assert.Contains("Mon 9 Mar 2026", await moved.Locator("td").Nth(3).InnerTextAsync());
        Assert.Contains("Tue 10 Mar 2026", await moved.Locator("td").Nth(4).InnerTextAsync());
        Assert.Equal("2026-03-09", (await workflow.DeadlineAsync(caseId, "AcceptanceDecision")).GetProperty("lastDay").GetString());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-calendars.preview.en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and record the day" }).ClickAsync();

        Assert.Contains("/admin/calendars?region=GD&year=2026", page.Url, StringComparison.Ordinal);
        var notice = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        Assert.StartsWith("5 Mar 2026 recorded as Statutory holiday in the calendar of Fujian, Jiangxi,", notice, StringComparison.Ordinal);
        Assert.EndsWith("Yunnan. 1 running deadline recomputed.", notice, StringComparison.Ordinal);
        Assert.Contains("Statutory holiday: Typhoon closure (browser test)", await page.Locator("td[data-date='2026-03-05']").TextContentAsync());
        Assert.Equal("2026-03-10", (await workflow.DeadlineAsync(caseId, "AcceptanceDecision")).GetProperty("lastDay").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_centre_administrator_sees_the_grid_of_their_region_without_a_change_form_and_a_forged_change_is_refused_on_the_page()
    {
        var page = await api.SignedInPageAsync("hk.calendar.admin", "CentreAdmin", "HK", acceptLanguage: "zh-HK");

        await page.GotoAsync("/admin/calendars");

        Assert.Equal("香港 2026 年工作日曆", await page.Locator("#grid-heading").InnerTextAsync());
        Assert.Equal(12, await page.Locator(".calendar-grid table").CountAsync());
        Assert.Equal(["週一", "週二", "週三", "週四", "週五", "週六", "週日"], await page.Locator(".calendar-grid table").First.Locator("thead th").AllInnerTextsAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "預覽變更" }).CountAsync());
        Assert.Equal(0, await page.Locator("form[action*='handler=preview']").CountAsync());
        Assert.Contains("只有系統管理員可以修改日曆。", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-calendars.centre-admin.zh-Hant");

        // A form made up in the browser (with a valid antiforgery token): the command still refuses, and the page says why.
        await page.EvaluateAsync("""
            () => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = '/admin/calendars?handler=preview';
              const add = (name, value) => { const input = document.createElement('input'); input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input); };
              add('__RequestVerificationToken', document.querySelector('input[name=__RequestVerificationToken]').value);
              add('region', 'HK'); add('date', '2026-03-06'); add('kind', 'WarningDay'); add('name', 'Forged'); add('reason', 'Forged');
              document.body.appendChild(form);
              form.submit();
            }
            """);
        await page.WaitForSelectorAsync(".problems");

        var problems = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("您無權進行此操作。", problems);
        Assert.Contains("只有系統管理員可以修改日曆。", problems);
        Assert.Equal(12, await page.Locator(".calendar-grid table").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_calendar_page_fits_a_phone_without_sideways_scrolling()
    {
        var page = await api.SignedInPageAsync("phone.admin", "SystemAdmin", phone: true);
        await page.GotoAsync("/admin/calendars?region=MO&year=2026");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        Assert.Contains("政府半日假期（下午）", await page.Locator("td[data-date='2026-02-16']").TextContentAsync());
        await page.SaveAsync("admin-calendars.phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_year_not_loaded_is_said_and_a_system_administrator_adds_it_with_each_bad_line_named()
    {
        var page = await api.SignedInPageAsync("year.admin", "SystemAdmin", acceptLanguage: "en-GB");

        await page.GotoAsync("/admin/calendars?region=MO&year=2031");

        Assert.Contains("The calendar of Macao SAR has no 2031 loaded.", await page.Locator("main").InnerTextAsync());
        await page.GetByLabel("Source").FillAsync("Macao public holidays 2031 (test data)");
        await page.GetByLabel("Special days").FillAsync("2031-01-01 Holiday 元旦 New Year's Day\n2031-02-30 Holiday Not a date");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the year" }).ClickAsync();

        Assert.Contains("Line 2: write a date of 2031 as yyyy-MM-dd, each date once.", await page.Locator("#year-days-error").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Special days").FillAsync("2031-01-01 Holiday 元旦 New Year's Day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the year" }).ClickAsync();

        Assert.StartsWith("2031 added to the calendar of Macao SAR (special days: 1;", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Public holiday: 元旦 New Year's Day", await page.Locator("td[data-date='2031-01-01']").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_workflow_version_page_shows_its_diagram_states_transitions_and_time_limits()
    {
        var page = await api.SignedInPageAsync("workflow.admin", "SystemAdmin");
        await page.GotoAsync("/admin/workflows");
        Assert.Equal("流程定义", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-workflows.zh-Hans");

        await page.GetByRole(AriaRole.Link, new() { Name = "维权（专利侵权纠纷处理）" }).ClickAsync();

        Assert.EndsWith("/admin/workflows/rights-defence/1", page.Url, StringComparison.Ordinal);
        Assert.Equal("维权（专利侵权纠纷处理）（第 1 版）", await page.Locator("h1").InnerTextAsync());
        var diagram = page.Locator(".diagram svg");
        Assert.Equal("img", await diagram.GetAttributeAsync("role"));
        Assert.Equal("维权（专利侵权纠纷处理）（第 1 版）状态图", await diagram.GetAttributeAsync("aria-label"));
        var states = page.Locator("table.workflow-states tbody tr");
        Assert.Equal(13, await states.CountAsync());
        Assert.Contains("已收件待分流", await states.First.InnerTextAsync());
        Assert.Contains("初始", await states.First.InnerTextAsync());
        var accept = page.Locator("table.workflow-transitions tbody tr", new() { HasTextString = "acceptCase" });
        Assert.Contains("立案", await accept.InnerTextAsync());
        Assert.Contains("已收件待分流", await accept.InnerTextAsync());
        Assert.Contains("待送达", await accept.InnerTextAsync());
        Assert.Contains("收件员、承办人", await accept.InnerTextAsync());
        Assert.True(await page.Locator("table.deadline-rules tbody tr").CountAsync() >= 3);
        Assert.Contains("5 个工作日", await page.Locator("table.deadline-rules").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-workflow.zh-Hans");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_weak_password_is_explained_beside_the_password_then_the_account_is_created_and_listed()
    {
        var page = await api.SignedInPageAsync("users.admin", "SystemAdmin", acceptLanguage: "zh-HK");
        await page.GotoAsync("/admin/users");
        Assert.Contains("至少 12 個字元", await page.Locator("#user-password-hint").InnerTextAsync());

        await page.GetByLabel("用戶名稱", new() { Exact = true }).FillAsync("hk.new.handler");
        await page.GetByLabel("顯示名稱").FillAsync("陳靜");
        await page.GetByLabel("密碼").FillAsync("short");
        await page.GetByLabel("承辦人").CheckAsync();
        await page.GetByLabel("所屬中心").SelectOptionAsync("HK");
        await page.GetByRole(AriaRole.Button, new() { Name = "建立帳戶" }).ClickAsync();

        var passwordField = page.Locator(".field", new() { Has = page.Locator("#user-password") });
        Assert.Contains("密碼至少需要 12 個字元。", await passwordField.Locator(".field-error").InnerTextAsync());
        Assert.Contains("請更正下面標出的欄位。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("hk.new.handler", await page.GetByLabel("用戶名稱", new() { Exact = true }).InputValueAsync());
        Assert.True(await page.GetByLabel("承辦人").IsCheckedAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-users.refused.zh-Hant");

        await page.GetByLabel("密碼").FillAsync("Harbour-Handler-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "建立帳戶" }).ClickAsync();

        Assert.Equal("已建立帳戶 hk.new.handler。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var row = page.Locator("table.users tbody tr", new() { HasTextString = "hk.new.handler" });
        Assert.Contains("陳靜", await row.InnerTextAsync());
        Assert.Contains("承辦人", await row.InnerTextAsync());
        Assert.Contains("香港", await row.InnerTextAsync());
        Assert.Contains("存取權杖", await page.Locator("#tokens").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-users.zh-Hant");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_centre_administrator_sees_and_creates_the_accounts_of_their_own_centre_only()
    {
        using (api.ClientAs(api, "handler.elsewhere", "CaseHandler", "YN"))
        {
            // An account at another centre, which a Guangxi administrator must not see.
        }

        var page = await api.SignedInPageAsync("gx.users.admin", "CentreAdmin", "GX");
        await page.GotoAsync("/admin/users");

        Assert.Contains("本中心（广西）的工作人员账号。", await page.Locator("main").InnerTextAsync());
        var centres = await page.Locator("table.users tbody tr td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(centres);
        Assert.All(centres, centre => Assert.Equal("广西", centre.Trim()));
        Assert.Equal(["GX"], await page.GetByLabel("所属中心").Locator("option").EvaluateAllAsync<string[]>("options => options.map(option => option.value)"));
        Assert.Equal(0, await page.GetByLabel("系统管理员").CountAsync());

        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync("gx.new.intake");
        await page.GetByLabel("显示名称").FillAsync("黄丽");
        await page.GetByLabel("密码").FillAsync("Guilin-Intake-2026");
        await page.GetByLabel("收件员").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();

        Assert.Equal("已创建账号 gx.new.intake。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("广西", await page.Locator("table.users tbody tr", new() { HasTextString = "gx.new.intake" }).InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_key_enterprise_with_a_wrong_credit_code_is_refused_beside_it_then_registered_given_a_user_and_withdrawn()
    {
        var code = TestEnterprises.NewCreditCode();
        var mistyped = code[..^1] + (code[^1] == '0' ? '1' : '0');
        var page = await api.SignedInPageAsync("registry.admin", "SystemAdmin");
        await page.GotoAsync("/admin/enterprises");

        await page.GetByLabel("备案中心").SelectOptionAsync("GD");
        await page.GetByLabel("企业名称").FillAsync("佛山明光照明有限公司");
        await page.GetByLabel("统一社会信用代码").FillAsync(mistyped);
        await page.GetByLabel("已认定的高新技术企业").CheckAsync();
        await page.GetByLabel("持有专利和商标数量").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交备案" }).ClickAsync();

        var codeField = page.Locator(".field", new() { Has = page.Locator("#enterprise-unifiedSocialCreditCode") });
        Assert.StartsWith("这不是有效的统一社会信用代码", await codeField.Locator(".field-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("佛山明光照明有限公司", await page.GetByLabel("企业名称").InputValueAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-enterprises.refused.zh-Hans");

        await page.GetByLabel("统一社会信用代码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交备案" }).ClickAsync();

        Assert.Equal("佛山明光照明有限公司已备案为重点企业。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var row = page.Locator("table.enterprises tbody tr", new() { HasTextString = code });
        Assert.Contains("佛山明光照明有限公司", await row.InnerTextAsync());
        Assert.Contains("广东", await row.InnerTextAsync());
        Assert.Contains("高新技术企业", await row.InnerTextAsync());
        Assert.Contains("在册（直通车）", await row.InnerTextAsync());
        await page.SaveAsync("admin-enterprises.zh-Hans");

        await row.GetByRole(AriaRole.Link, new() { Name = "佛山明光照明有限公司" }).ClickAsync();
        Assert.Equal("佛山明光照明有限公司", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync("foshan.filer");
        await page.GetByLabel("显示名称").FillAsync("李明");
        await page.GetByLabel("密码").FillAsync("Foshan-Filer-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        Assert.Equal("已创建账号 foshan.filer。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("重点企业用户", await page.Locator("table.enterprise-users tbody tr", new() { HasTextString = "foshan.filer" }).InnerTextAsync());

        await page.GetByLabel("退出原因").FillAsync("The enterprise asked to leave the direct channel.");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出直通车" }).ClickAsync();
        var confirmField = page.Locator(".field", new() { Has = page.Locator("#form-confirm") });
        Assert.Equal("请勾选以确认退出。", await confirmField.Locator(".field-error").InnerTextAsync());
        Assert.Equal("The enterprise asked to leave the direct channel.", await page.GetByLabel("退出原因").InputValueAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("admin-enterprise.zh-Hans");

        await page.GetByLabel("我确认：将佛山明光照明有限公司退出直通车。").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出直通车" }).ClickAsync();

        Assert.StartsWith("佛山明光照明有限公司已退出直通车", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已退出直通车", await page.Locator(".summary-list").InnerTextAsync());
        Assert.Contains("The enterprise asked to leave the direct channel.", await page.Locator(".summary-list").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "退出直通车" }).CountAsync());
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
