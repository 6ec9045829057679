using Microsoft.Playwright;
using Npgsql;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// A mediator's and an arbitrator's pages (/neutrals): their cases with what is due, and on each
/// case the forms to record a session, the outcome, the hearing and the award. Cases are set up
/// through the API; the person then works in the browser.
/// </summary>
public sealed class NeutralsPageTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task A_mediator_sees_the_case_and_what_is_due_records_a_session_and_then_an_agreement()
    {
        var page = await api.SignedInPageAsync("page.mediator.chen", "Mediator", "GD", acceptLanguage: "en-GB");
        api.Accounts.SetDisplayName("page.mediator.chen", "Chen Wei-Ling");
        var id = await InMediationAsync("Chen Wei-Ling");
        var number = await NumberAsync(id);

        await page.GotoAsync("/neutrals");

        Assert.Equal("My cases and sessions", await page.Locator("h1").InnerTextAsync());
        var listed = page.Locator("article", new() { HasText = number });
        Assert.Contains("Foshan Bright Lamps Co., Ltd.", await listed.InnerTextAsync());
        var consent = listed.Locator("li[data-clock=RespondentConsent]");
        Assert.Contains("Respondent consent", await consent.InnerTextAsync());
        Assert.Contains("Met", await consent.InnerTextAsync());
        Assert.Contains("Record session", await listed.Locator(".next-step").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.list.en");

        await listed.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
        Assert.Contains(number, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("No session has been recorded yet.", await page.Locator("#sessions + p").InnerTextAsync());
        Assert.Equal("2026-03-02", await page.GetByLabel("Date of the session").InputValueAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.case.en");

        await page.GetByLabel("Date of the session").FillAsync("2026-03-01");
        await page.GetByLabel("Notes of the session").FillAsync("Positions exchanged; royalty range discussed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();

        Assert.Equal("The session was recorded.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var sessions = page.Locator("table.sessions");
        Assert.Contains("1 Mar 2026", await sessions.InnerTextAsync());
        Assert.Contains("Positions exchanged; royalty range discussed.", await sessions.InnerTextAsync());

        await page.GetByLabel("Terms agreed").FillAsync("Back royalties of CNY 300,000 paid in two instalments.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();

        Assert.Equal("The agreement was recorded. The parties now have 30 days to apply for judicial confirmation.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("AwaitingJudicialConfirmation", await workflow.StateAsync(id));
        var confirmation = page.Locator("tr[data-clock=JudicialConfirmation]");
        Assert.Contains("30 days left", await confirmation.InnerTextAsync());
        Assert.Contains("Wed 1 Apr 2026", await confirmation.InnerTextAsync());
        Assert.Contains("Back royalties of CNY 300,000 paid in two instalments.", await page.Locator("ol.steps").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.case-agreed.en");

        await page.GotoAsync("/neutrals");
        var judicial = page.Locator("article", new() { HasText = number }).Locator("li[data-clock=JudicialConfirmation]");
        Assert.Contains("30 days left", await judicial.InnerTextAsync());
        Assert.Contains("Positions exchanged", await page.Locator("article", new() { HasText = number }).Locator(".sessions-short").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_traditional_chinese_an_empty_reason_is_shown_beside_its_field_and_then_the_failure_is_recorded()
    {
        var page = await api.SignedInPageAsync("page.mediator.wong", "Mediator", "GD", acceptLanguage: "zh-HK");
        api.Accounts.SetDisplayName("page.mediator.wong", "黃美玲");
        var id = await InMediationAsync("黃美玲");
        await page.GotoAsync($"/neutrals/cases/{id}");

        // Spaces pass the browser's own check; the server says what is wrong, beside the field.
        await page.GetByLabel("調解不成的原因").FillAsync("   ");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#form-recordFailure").GetByRole(AriaRole.Button).ClickAsync(),
            response => response.Request.Method == "POST");

        Assert.Equal(400, refused.Status);
        Assert.Contains("請更正下面標出的欄位。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("此項為必填項。", await page.Locator("#form-recordFailure .field-error").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#recordFailure-reason").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await page.Locator("#form-recordAgreement .field-error").CountAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.case-refused.zh-Hant");

        await page.Locator("#recordFailure-reason").FillAsync("雙方就賠償金額無法達成共識。");
        await page.Locator("#form-recordFailure").GetByRole(AriaRole.Button).ClickAsync();

        Assert.Equal("調解不成已登記。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("MediationFailed", await workflow.StateAsync(id));
        Assert.Contains("雙方就賠償金額無法達成共識。", await page.Locator("ol.steps").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.case-failed.zh-Hant");

        await page.GotoAsync("/neutrals");
        Assert.Equal("我的案件與調解", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("被申請人", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.list.zh-Hant");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_arbitrator_records_the_hearing_and_renders_the_award_and_the_award_deadline_shows_as_met()
    {
        var page = await api.SignedInPageAsync("page.arbitrator.liang", "Arbitrator", "GD");
        api.Accounts.SetDisplayName("page.arbitrator.liang", "梁仲文");
        var id = await workflow.FileAsync(Filings.Mediation("Arbitration"));
        await workflow.ActAsync(id, "acceptArbitration", new { arbitrationAgreement = true }, roles: "IntakeOfficer");
        await workflow.ActAsync(id, "formTribunal", new { arbitrator = "梁仲文" }, roles: "CentreAdmin");
        var number = await NumberAsync(id);

        await page.GotoAsync("/neutrals");
        var listed = page.Locator("article", new() { HasText = number });
        Assert.Contains("剩余", await listed.Locator("li[data-clock=DomesticAward]").InnerTextAsync());
        await page.GotoAsync($"/neutrals/cases/{id}");
        Assert.Equal("Running", await page.Locator("tr[data-clock=DomesticAward]").GetAttributeAsync("data-status"));

        await page.GetByLabel("开庭日期").FillAsync("2026-04-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录开庭" }).ClickAsync();
        Assert.Equal("开庭已记录，下一步为作出裁决。", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        Assert.Equal("2026-03-02", await page.GetByLabel("裁决日期").InputValueAsync());
        await page.GetByLabel("裁决摘要").FillAsync("被申请人向申请人支付许可费人民币八十万元。");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记裁决" }).ClickAsync();

        Assert.Equal("裁决已登记，裁决期限已结束计算。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        var award = page.Locator("tr[data-clock=DomesticAward]");
        Assert.Equal("Met", await award.GetAttributeAsync("data-status"));
        Assert.Contains("按期完成", await award.InnerTextAsync());
        Assert.Equal("Awarded", await workflow.StateAsync(id));
        Assert.Contains("案件已结束，无需再作记录。", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.case-awarded.zh-Hans");

        await page.GotoAsync("/neutrals");
        var closed = page.Locator("article", new() { HasText = number });
        Assert.Contains("按期完成", await closed.Locator("li[data-clock=DomesticAward]").InnerTextAsync());
        Assert.Contains("近期结束", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("neutrals.list.zh-Hans");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rights_defence_case_in_mediation_is_settled_by_a_mediator_of_the_centre()
    {
        var page = await api.SignedInPageAsync("page.mediator.rights", "Mediator", "GD", acceptLanguage: "en-GB");
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });
        await workflow.ActAsync(id, "referToMediation", new { complainantConsents = true, respondentConsents = true });

        await page.GotoAsync($"/neutrals/cases/{id}");
        Assert.Contains("any mediator of the centre may record its outcome", await page.Locator("main").InnerTextAsync());
        await page.GetByLabel("Terms agreed").FillAsync("Licence at a 3% royalty.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the settlement" }).ClickAsync();

        Assert.Equal("The settlement was recorded. The case is closed.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Settled", await workflow.StateAsync(id));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_sent_after_the_case_changed_meanwhile_is_refused_as_a_conflict_and_the_page_shows_the_case_as_it_is()
    {
        var page = await api.SignedInPageAsync("page.mediator.tsang", "Mediator", "GD");
        api.Accounts.SetDisplayName("page.mediator.tsang", "曾调解");
        var id = await InMediationAsync("曾调解");
        await page.GotoAsync($"/neutrals/cases/{id}");
        // Meanwhile a session is recorded elsewhere (e.g. by the mediator on another device).
        await workflow.ActAsync(id, "recordSession", new { sessionDate = "2026-03-02", notes = "在另一设备上记录的调解。" }, roles: "Mediator");

        await page.GetByLabel("调解记录").FillAsync("第二次调解。");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "保存调解记录" }).ClickAsync(),
            response => response.Request.Method == "POST");

        Assert.Equal(409, refused.Status);
        Assert.Contains("在您处理期间，其他人已更改了此案件。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Contains("在另一设备上记录的调解。", await page.Locator("table.sessions").InnerTextAsync());
        Assert.Equal("第二次调解。", await page.GetByLabel("调解记录").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "保存调解记录" }).ClickAsync();
        Assert.Equal("调解记录已保存。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("第二次调解。", await page.Locator("table.sessions").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_award_deadline_past_its_last_day_is_marked_overdue_on_the_list()
    {
        api.ClientAs(api, "page.arbitrator.late", "Arbitrator", "GD").Dispose();
        api.Accounts.SetDisplayName("page.arbitrator.late", "Arbitrator Late");
        var id = await workflow.FileAsync(Filings.Mediation("Arbitration"));
        await workflow.ActAsync(id, "acceptArbitration", new { arbitrationAgreement = true }, roles: "IntakeOfficer");
        await workflow.ActAsync(id, "formTribunal", new { arbitrator = "Arbitrator Late" }, roles: "CentreAdmin");
        var number = await NumberAsync(id);
        var now = api.Clock.GetUtcNow();
        try
        {
            // Five days after the last day (2 July) of the 4 months for the award.
            api.Clock.Set(new DateTimeOffset(2026, 7, 7, 10, 0, 0, TimeSpan.FromHours(8)));
            // Signed in then: a sign-in four months old would have expired.
            var page = await api.SignedInPageAsync("page.arbitrator.late", "Arbitrator", "GD", acceptLanguage: "en-GB");
            await page.GotoAsync("/neutrals");

            var deadline = page.Locator("article", new() { HasText = number }).Locator("li[data-clock=DomesticAward]");
            Assert.Equal("Overdue", await deadline.Locator(".tag--overdue").InnerTextAsync());
            Assert.Contains("Overdue by 5 days", await deadline.InnerTextAsync());
            Assert.Equal("1", await page.Locator(".card--overdue .card__number").InnerTextAsync());
            await page.AssertAccessibleAsync();
            await page.SaveAsync("neutrals.list-overdue.en");
            await page.Context.CloseAsync();
        }
        finally
        {
            api.Clock.Set(now);
        }
    }

    [Fact]
    public async Task A_mediator_not_assigned_to_the_case_does_not_find_it_here()
    {
        var page = await api.SignedInPageAsync("page.mediator.other", "Mediator", "GD", acceptLanguage: "en-GB");
        var id = await InMediationAsync("Somebody Else");

        var response = await page.GotoAsync($"/neutrals/cases/{id}");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Not found", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync("/neutrals");
        Assert.Equal(0, await page.Locator("article", new() { HasText = await NumberAsync(id) }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_list_and_the_case_page_fit_a_phone_without_sideways_scrolling()
    {
        var page = await api.SignedInPageAsync("page.mediator.phone", "Mediator", "GD", phone: true);
        api.Accounts.SetDisplayName("page.mediator.phone", "手机调解员");
        var id = await InMediationAsync("手机调解员");
        await workflow.ActAsync(id, "recordSession", new { sessionDate = "2026-03-02", notes = "首次调解：双方陈述各自立场，约定下周再谈许可费的分期安排。" }, roles: "Mediator");

        foreach (var (path, name) in new[] { ("/neutrals", "neutrals.list.phone"), ($"/neutrals/cases/{id}", "neutrals.case.phone") })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone");
            await page.AssertAccessibleAsync();
            await page.SaveAsync(name);
        }

        await page.Context.CloseAsync();
    }

    private async Task<Guid> InMediationAsync(string mediator)
    {
        var id = await workflow.FileAsync(Filings.Mediation());
        await workflow.ActAsync(id, "notifyRespondent", roles: "IntakeOfficer");
        await workflow.ActAsync(id, "recordConsent", new { receivedOn = "2026-03-02" });
        await workflow.ActAsync(id, "assignMediator", new { mediator }, roles: "CentreAdmin");
        return id;
    }

    private async Task<string> NumberAsync(Guid id) => (await workflow.CaseAsync(id)).GetProperty("number").GetString()!;

    /// <summary>Gives the account the display name the centre's staff assign it by (accounts start with their user name).</summary>
}
