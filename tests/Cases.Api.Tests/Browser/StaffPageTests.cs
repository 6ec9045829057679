using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// The centre staff's pages in a browser: the dashboard (my work, deadlines due soon and overdue,
/// referrals awaiting the centre), the triage queue with its GET filters, and the case page with its
/// summary, diagram, deadlines, timeline and action forms, including how a refused form reads.
/// Cases are set up through the API; each test works with cases of its own (by centre or title).
/// </summary>
public sealed partial class StaffPageTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task The_dashboard_shows_my_work_deadlines_due_soon_and_overdue_and_the_referrals_awaiting_my_centre()
    {
        // Sichuan is this test's own centre. Both complaints start their 5-working-day acceptance
        // clock when filed; the first is filed 10 days before the second, then the clock moves on.
        string late, soon, referred;
        Guid lateId, soonId, referredId;
        IPage? page = null;
        try
        {
            lateId = await workflow.FileAsync(Filings.RightsDefence("SC", "Counterfeit tea sets"));
            api.Clock.Advance(TimeSpan.FromDays(10));
            soonId = await workflow.FileAsync(Filings.RightsDefence("SC", "Copied hot-pot burners"));
            referredId = await workflow.FileAsync(Filings.RightsDefence("GD", "Chilli grinders sold in Sichuan"));
            await workflow.ActAsync(referredId, "referCase", new { centre = "SC", infringementRegion = "SC", reason = "The infringement is in Sichuan" });
            api.Clock.Advance(TimeSpan.FromDays(4));
            (late, soon, referred) = (await NumberAsync(lateId), await NumberAsync(soonId), await NumberAsync(referredId));

            page = await api.SignedInPageAsync("sc.intake", "IntakeOfficer", "SC");
            await page.GotoAsync("/staff");

            var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
            var lateDays = today.DayNumber - (await LastDayAsync(lateId, "AcceptanceDecision")).DayNumber;
            var soonDays = (await LastDayAsync(soonId, "AcceptanceDecision")).DayNumber - today.DayNumber;
            Assert.InRange(lateDays, 1, 30);
            Assert.InRange(soonDays, 2, 7);

            Assert.Equal("工作台", await page.Locator("h1").InnerTextAsync());
            var myWork = Section(page, "我的待办");
            // Both complaints wait for a decision; the referral for the centre's answer.
            Assert.Equal(1, await myWork.GetByRole(AriaRole.Link, new() { Name = late, Exact = true }).CountAsync());
            Assert.Equal(1, await myWork.GetByRole(AriaRole.Link, new() { Name = soon, Exact = true }).CountAsync());
            Assert.Equal(1, await myWork.GetByRole(AriaRole.Link, new() { Name = referred, Exact = true }).CountAsync());
            Assert.Contains("Copied hot-pot burners", await myWork.InnerTextAsync());

            var dueSoon = await Section(page, "即将到期").Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = soon, Exact = true }) }).InnerTextAsync();
            Assert.Contains($"剩余 {soonDays} 天", dueSoon);
            var overdue = await Section(page, "已逾期").Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = late, Exact = true }) }).InnerTextAsync();
            Assert.Contains($"已逾期 {lateDays} 天", overdue);

            var referrals = await Section(page, "待本中心接收的移送案件").InnerTextAsync();
            Assert.Contains(referred, referrals);
            Assert.Contains("Chilli grinders sold in Sichuan", referrals);
            Assert.Contains("广东", referrals);
            Assert.Equal("1", await page.Locator(".card", new() { HasText = "待本中心接收的移送" }).Locator(".card__number").InnerTextAsync());
            Assert.Equal("3", await page.Locator(".card", new() { HasText = "待我办理的案件" }).Locator(".card__number").InnerTextAsync());

            await page.AssertAccessibleAsync();
            await page.SaveAsync("staff-dashboard.zh-Hans");

            // The case number leads to the case.
            await Section(page, "已逾期").GetByRole(AriaRole.Link, new() { Name = late, Exact = true }).ClickAsync();
            Assert.Contains(late, await page.Locator("h1").InnerTextAsync());

            // The referral's page offers the centre its answer, and nothing it may not do to a case it does not handle.
            await page.GoBackAsync();
            await Section(page, "待本中心接收的移送案件").GetByRole(AriaRole.Link, new() { Name = referred, Exact = true }).ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{referredId}");
            Assert.True(await page.Locator("#action-acceptReferral").IsVisibleAsync());
            Assert.True(await page.Locator("#action-declineReferral").IsVisibleAsync());
            Assert.Equal(0, await page.Locator("#action-acceptCase, #note-form").CountAsync());
            Assert.Contains("本中心可查阅此案件；由广东承办并办理。", await Section(page, "可办理事项").InnerTextAsync());
            Assert.Equal("四川", await Definition(Section(page, "案件概况"), "接收中心").InnerTextAsync());
        }
        finally
        {
            api.Clock.Set(CasesApi.DefaultNow);
            if (page is not null)
            {
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task The_triage_queue_filters_by_text_and_state_with_a_form_that_needs_no_script()
    {
        var marker = $"Q{Guid.NewGuid():N}"[..12];
        var accepted = await workflow.FileAsync(Filings.RightsDefence("FJ", $"{marker} folding bicycles"));
        await workflow.ActAsync(accepted, "acceptCase", new { infringementRegion = "FJ" });
        var waiting = await workflow.FileAsync(Filings.RightsDefence("FJ", $"{marker} electric kettles"));
        await workflow.FileAsync(Filings.RightsDefence("FJ", "Unrelated rice cookers"));
        var page = await api.SignedInPageAsync("fj.queue", "IntakeOfficer", "FJ", acceptLanguage: "en-GB");
        await page.GotoAsync("/staff/cases");

        Assert.Equal("Triage queue", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("Search the cases").FillAsync(marker);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show cases" }).ClickAsync();

        Assert.Contains($"text={marker}", page.Url, StringComparison.Ordinal);
        Assert.Equal("2 cases found.", await page.Locator(".staff-queue-count").InnerTextAsync());
        var rows = page.Locator("table.staff-queue tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        var row = await rows.Filter(new() { HasText = "folding bicycles" }).InnerTextAsync();
        Assert.Contains(await NumberAsync(accepted), row);
        Assert.Contains("Rights defence", row);
        Assert.Contains("Awaiting service", row);
        Assert.Contains("Fujian", row);

        await page.GetByLabel("Current step").SelectOptionAsync(new SelectOptionValue { Value = "Filed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show cases" }).ClickAsync();

        Assert.Contains("state=Filed", page.Url, StringComparison.Ordinal);
        Assert.Equal("1 case found.", await page.Locator(".staff-queue-count").InnerTextAsync());
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("electric kettles", await rows.InnerTextAsync());
        Assert.Equal(marker, await page.GetByLabel("Search the cases").InputValueAsync());
        await rows.GetByRole(AriaRole.Link, new() { Name = await NumberAsync(waiting) }).ClickAsync();
        await page.WaitForURLAsync($"**/staff/cases/{waiting}");

        await page.GoBackAsync();
        await page.AssertAccessibleAsync();
        await page.SaveAsync("staff-queue.en");

        // A filter the queue does not know is refused like the API refuses it, beside its field.
        var refused = await page.GotoAsync("/staff/cases?kind=Lawsuit");
        Assert.Equal(400, refused!.Status);
        Assert.Contains("Please correct the fields marked below.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Contains("'kind' must be one of", await page.Locator("#kind-error").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Only_a_reader_who_sees_every_centre_chooses_one_and_staff_never_reach_another_centres_case()
    {
        var macao = await workflow.FileAsync(Filings.RightsDefence("MO", "Counterfeit almond cookies"));
        var admin = await api.SignedInPageAsync("queue.admin", "SystemAdmin", acceptLanguage: "zh-HK");
        await admin.GotoAsync("/staff/cases");

        await admin.GetByLabel("保護中心").SelectOptionAsync("MO");
        await admin.GetByRole(AriaRole.Button, new() { Name = "查詢" }).ClickAsync();

        Assert.Contains("centre=MO", admin.Url, StringComparison.Ordinal);
        var rows = admin.Locator("table.staff-queue tbody tr");
        Assert.True(await rows.CountAsync() >= 1);
        Assert.Contains("Counterfeit almond cookies", await admin.Locator("table.staff-queue").InnerTextAsync());
        foreach (var centre in await rows.Locator("td:nth-child(5)").AllInnerTextsAsync())
        {
            Assert.EndsWith("澳門", centre.Trim());
        }

        await admin.AssertAccessibleAsync();
        await admin.Context.CloseAsync();

        var staff = await api.SignedInPageAsync("gd.queue.scope", "CaseHandler", "GD", acceptLanguage: "zh-HK");
        await staff.GotoAsync("/staff/cases");
        Assert.Equal(0, await staff.GetByLabel("保護中心").CountAsync());
        var response = await staff.GotoAsync($"/staff/cases/{macao}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("找不到", await staff.Locator("h1").InnerTextAsync());
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task The_case_page_shows_the_case_its_diagram_deadlines_and_action_forms_in_traditional_chinese()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence("GD", "Purifier filters sold at a trade fair"));
        var number = await NumberAsync(id);
        var page = await api.SignedInPageAsync("gd.handler.hk", "CaseHandler", "GD", acceptLanguage: "zh-HK");

        await page.GotoAsync($"/staff/cases/{id}");

        Assert.Equal("zh-Hant", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal($"{number} Purifier filters sold at a trade fair", await page.Locator("h1").InnerTextAsync());
        var summary = Section(page, "案件概況");
        Assert.Equal("廣東", await Definition(summary, "承辦中心").InnerTextAsync());
        Assert.Equal("未移送", await Definition(summary, "接收中心").InnerTextAsync());
        Assert.Equal("否", await Definition(summary, "優先處理").InnerTextAsync());
        Assert.Equal("The respondent sells purifiers that use the claimed filter.", await Definition(summary, "案情摘要").InnerTextAsync());

        var parties = await Section(page, "當事人").InnerTextAsync();
        Assert.Contains("Lingnan Clean Air Technology Co., Ltd.", parties);
        Assert.Contains("請求人", parties);
        Assert.Contains("legal@lingnan.example", parties);
        Assert.Contains("+86 20 8888 0000", parties);
        Assert.Contains("被請求人", parties);
        var rights = await Section(page, "知識產權").InnerTextAsync();
        Assert.Contains(Filings.InventionNumber, rights);
        Assert.Contains("發明專利", rights);

        var diagram = page.Locator(".diagram svg");
        Assert.Equal("img", await diagram.GetAttributeAsync("role"));
        Assert.StartsWith("流程圖：", await diagram.GetAttributeAsync("aria-label"));
        Assert.Contains("Filed", await diagram.Locator("[aria-current=step]").TextContentAsync() ?? "");

        var deadline = Section(page, "期限").Locator("tr[data-clock=AcceptanceDecision]");
        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var daysLeft = (await LastDayAsync(id, "AcceptanceDecision")).DayNumber - today.DayNumber;
        Assert.Contains($"剩餘 {daysLeft} 天", await deadline.InnerTextAsync());
        await deadline.GetByText("期限如何計算").ClickAsync();
        Assert.True(await deadline.Locator(".explanation li").CountAsync() >= 2);

        var accept = page.Locator("#action-acceptCase");
        Assert.True(await accept.IsVisibleAsync());
        Assert.Equal(11, await accept.Locator("select[name='payload.infringementRegion'] option[value]:not([value=''])").CountAsync());
        Assert.Contains("收件", await Section(page, "案件記錄").InnerTextAsync());

        await page.AssertAccessibleAsync();
        await page.SaveAsync("staff-case.zh-Hant");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_missing_required_field_is_shown_beside_it_with_status_400_and_the_other_values_kept()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence("GD", "Referral with a field left out"));
        var page = await api.SignedInPageAsync("gd.intake.missing", "IntakeOfficer", "GD");
        await page.GotoAsync($"/staff/cases/{id}");
        var form = page.Locator("#action-referCase");
        await form.Locator("select[name='payload.centre']").SelectOptionAsync("FJ");
        await form.Locator("[name='payload.reason']").FillAsync("The seller is in Fuzhou");
        // The browser would stop the form itself; the server must say the same without it.
        await form.EvaluateAsync("form => form.noValidate = true");

        var response = await SubmitAsync(page, form);

        Assert.Equal(400, response.Status);
        Assert.Contains("请更正下面标出的字段。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        form = page.Locator("#action-referCase");
        Assert.Equal("此项为必填项。", await form.Locator("#action-referCase-infringementRegion-error").InnerTextAsync());
        Assert.Equal("true", await form.Locator("select[name='payload.infringementRegion']").GetAttributeAsync("aria-invalid"));
        Assert.Equal("FJ", await form.Locator("select[name='payload.centre']").InputValueAsync());
        Assert.Equal("The seller is in Fuzhou", await form.Locator("[name='payload.reason']").InputValueAsync());
        Assert.Equal("Filed", await workflow.StateAsync(id));
        await page.AssertAccessibleAsync();

        // The page's own forms too: an empty note is refused beside its field.
        await page.Locator("#note-form").EvaluateAsync("form => form.noValidate = true");
        var note = await SubmitAsync(page, page.Locator("#note-form"));
        Assert.Equal(400, note.Status);
        Assert.Equal("此项为必填项。", await page.Locator("#note-text-error").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_older_than_the_case_is_a_conflict_with_status_409_not_a_silent_overwrite()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence("GD", "Two people at one case"));
        var page = await api.SignedInPageAsync("gd.intake.stale", "IntakeOfficer", "GD", acceptLanguage: "en-GB");
        await page.GotoAsync($"/staff/cases/{id}");
        // Someone else changes the case while the form is open.
        var note = await api.Admin().PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Called the complainant" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var form = page.Locator("#action-acceptCase");
        await form.Locator("select[name='payload.infringementRegion']").SelectOptionAsync("GD");

        var response = await SubmitAsync(page, form);

        Assert.Equal(409, response.Status);
        var alert = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("Someone else changed this case while you were working on it.", alert);
        Assert.Contains("Nothing you entered was saved.", alert);
        Assert.Equal("Filed", await workflow.StateAsync(id));
        // The page now shows the case as it is, so the same form sent again goes through.
        Assert.Contains("Called the complainant", await Section(page, "Timeline").InnerTextAsync());
        var again = await SubmitAsync(page, page.Locator("#action-acceptCase"));
        Assert.Equal(302, again.Status);
        Assert.Equal("AwaitingService", await workflow.StateAsync(id));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_broken_rule_is_said_in_sentences_with_status_422()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence("GD", "Infringement in another region"));
        var page = await api.SignedInPageAsync("gd.intake.rule", "IntakeOfficer", "GD");
        await page.GotoAsync($"/staff/cases/{id}");
        var form = page.Locator("#action-acceptCase");
        // Guangdong's centre cannot accept a complaint about an infringement in Hong Kong.
        await form.Locator("select[name='payload.infringementRegion']").SelectOptionAsync("HK");

        var response = await SubmitAsync(page, form);

        Assert.Equal(422, response.Status);
        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("无法办理，原因如下：", await alert.InnerTextAsync());
        Assert.True(await alert.Locator("li").CountAsync() >= 1);
        Assert.Equal("Filed", await workflow.StateAsync(id));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_successful_action_shows_the_notice_and_the_new_state()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence("GD", "Accepted through the web"));
        var page = await api.SignedInPageAsync("gd.intake.success", "IntakeOfficer", "GD");
        await page.GotoAsync($"/staff/cases/{id}");
        var form = page.Locator("#action-acceptCase");
        await form.Locator("select[name='payload.infringementRegion']").SelectOptionAsync("GD");

        await form.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/staff/cases/{id}", StringComparison.Ordinal));

        Assert.Equal("已办理：立案。案件现处于“待送达”环节。", await page.Locator(".notice").InnerTextAsync());
        Assert.StartsWith("待送达", await Definition(Section(page, "案件概况"), "当前环节").InnerTextAsync());
        Assert.Contains("待送达", await page.Locator(".diagram [aria-current=step]").TextContentAsync() ?? "");
        Assert.Contains("立案", await Section(page, "案件记录").InnerTextAsync());
        Assert.Equal("AwaitingService", await workflow.StateAsync(id));

        // The page's own forms: an internal note goes on the timeline.
        await page.GetByLabel("备注内容", new() { Exact = false }).FillAsync("Respondent's address checked");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加备注" }).ClickAsync();
        Assert.Equal("内部备注已记入案件记录。", await page.Locator(".notice").InnerTextAsync());
        Assert.Contains("Respondent's address checked", await Section(page, "案件记录").InnerTextAsync());

        // And triage marks it as a priority, saying why.
        var priority = page.Locator("#priority-form");
        await priority.GetByLabel("理由").FillAsync("The trade fair opens on Friday");
        await priority.GetByRole(AriaRole.Button, new() { Name = "标记为优先处理" }).ClickAsync();
        Assert.Equal("案件已标记为优先处理。", await page.Locator(".notice").InnerTextAsync());
        Assert.Equal("是", await Definition(Section(page, "案件概况"), "优先处理").InnerTextAsync());
        Assert.Equal("取消优先处理", await page.Locator("#priority-form legend").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_case_page_fits_a_phone_without_sideways_scrolling()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence("GD", "Read on a phone"));
        var page = await api.SignedInPageAsync("gd.handler.phone", "CaseHandler", "GD", phone: true);

        await page.GotoAsync($"/staff/cases/{id}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        await page.SaveAsync("staff-case.phone");
        await page.GotoAsync("/staff");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the dashboard is wider than the phone");
        await page.Context.CloseAsync();
    }

    /// <summary>The section headed <paramref name="heading"/>.</summary>
    private static ILocator Section(IPage page, string heading) =>
        page.Locator("section", new() { Has = page.Locator("h2", new() { HasTextRegex = new Regex("^" + Regex.Escape(heading) + "$") }) });

    /// <summary>The value (dd) of a summary list's term (dt).</summary>
    private static ILocator Definition(ILocator list, string term) =>
        list.Locator($"dt:text-is('{term}') + dd");

    /// <summary>Sends an action form and returns the response to its POST.</summary>
    private static async Task<IResponse> SubmitAsync(IPage page, ILocator form) =>
        await page.RunAndWaitForResponseAsync(
            () => form.Locator("button[type=submit]").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/staff/cases/", StringComparison.Ordinal));

    private async Task<string> NumberAsync(Guid id) => (await workflow.CaseAsync(id)).GetProperty("number").GetString()!;

    private async Task<DateOnly> LastDayAsync(Guid id, string clock) =>
        DateOnly.Parse((await workflow.DeadlineAsync(id, clock)).GetProperty("lastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
