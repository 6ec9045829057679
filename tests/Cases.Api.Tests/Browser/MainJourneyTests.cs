using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// The main journey, in a real browser, by five people in three languages: a key enterprise files a
/// mediation application through its portal (简体中文); the centre's intake officer finds it in the
/// triage queue and notifies the respondent, and the respondent's 15-day consent deadline shows
/// with its days left (English); a case handler records the consent (繁體中文); the supervisor
/// assigns the mediator; the mediator records a session and the agreement, and the 30-day
/// judicial-confirmation deadline shows (English); the enterprise sees where its case stands.
/// </summary>
public sealed class MainJourneyTests(BrowserApi api) : IClassFixture<BrowserApi>
{
    private const string MediatorName = "陈思远";

    [Fact]
    public async Task An_enterprise_files_staff_triage_and_accept_the_deadline_shows_and_a_mediator_records_the_outcome()
    {
        var enterprise = await RegisterEnterpriseAsync("Dongguan Journey Robotics Co., Ltd.");

        // 1. The enterprise files through the guided form, in Simplified Chinese.
        var filer = await api.SignedInPageAsync("journey.filer", "EnterpriseUser", enterprise: enterprise, acceptLanguage: "zh-CN");
        await filer.GotoAsync("/portal/file");
        await filer.Locator("#kind-Mediation").CheckAsync();
        await filer.GetByLabel("案件名称").FillAsync("机器人关节专利许可费纠纷");
        await filer.GetByLabel("发生了什么？您有什么请求？").FillAsync("被申请人使用我方专利生产机器人关节，双方就许可费协商未果，请求调解。");
        await filer.Locator("#parties-1-name").FillAsync("Pearl River Automation Co., Ltd.");
        await filer.Locator("#rights-0-kind").SelectOptionAsync("InventionPatent");
        await filer.Locator("#rights-0-number").FillAsync(Filings.InventionNumber);
        await filer.Locator("#rights-0-title").FillAsync("机器人关节");
        await filer.GetByRole(AriaRole.Button, new() { Name = "提交案件" }).ClickAsync();
        await filer.WaitForURLAsync(url => url.Contains("/portal/cases/", StringComparison.Ordinal));
        var caseId = Guid.Parse(filer.Url[(filer.Url.LastIndexOf('/') + 1)..]);
        var notice = await filer.Locator(".notice").InnerTextAsync();
        var number = System.Text.RegularExpressions.Regex.Match(notice, @"GD-\d{4}-\d+").Value;
        Assert.Equal($"案件 {number} 已提交至广东保护中心。本页显示后续进展。", notice);
        Assert.Equal("已申请", await SummaryAsync(filer, "状态"));
        await filer.SaveAsync("journey-1-filed.zh-Hans");

        // 2. The intake officer finds it in the triage queue and notifies the respondent, in English.
        var intake = await api.SignedInPageAsync("journey.intake", "IntakeOfficer", "GD", acceptLanguage: "en-GB");
        await intake.GotoAsync("/staff/cases");
        await intake.GetByLabel("Search the cases").FillAsync(number);
        await intake.GetByLabel("Search the cases").PressAsync("Enter");
        var row = intake.Locator("table.staff-queue tbody tr", new() { HasText = number });
        Assert.Contains("Mediation", await row.InnerTextAsync());
        Assert.Contains("Filed", await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await intake.WaitForURLAsync($"**/staff/cases/{caseId}");
        Assert.Contains("Pearl River Automation Co., Ltd.", await intake.Locator("main").InnerTextAsync());
        await intake.Locator("#action-notifyRespondent").GetByRole(AriaRole.Button, new() { Name = "Notify respondent" }).ClickAsync();
        await intake.WaitForURLAsync($"**/staff/cases/{caseId}");
        Assert.Contains("Notify respondent", await intake.Locator(".notice").InnerTextAsync());
        // Filed on Monday 2 March 2026; the respondent has 15 days to consent: Tuesday 17 March.
        var consent = intake.Locator("tr[data-clock=RespondentConsent]");
        Assert.Contains("Respondent consent", await consent.InnerTextAsync());
        Assert.Contains("Tue 17 Mar 2026", await consent.InnerTextAsync());
        Assert.Contains("15 days left", await consent.InnerTextAsync());
        await intake.AssertAccessibleAsync();
        await intake.SaveAsync("journey-2-notified.en");

        // 3. A case handler records the respondent's consent, in Traditional Chinese.
        var handler = await api.SignedInPageAsync("journey.handler", "CaseHandler", "GD", acceptLanguage: "zh-HK");
        await handler.GotoAsync($"/staff/cases/{caseId}");
        var recordConsent = handler.Locator("#action-recordConsent");
        await recordConsent.GetByLabel("收到日期").FillAsync("2026-03-02");
        await recordConsent.GetByRole(AriaRole.Button, new() { Name = "被申請人同意調解" }).ClickAsync();
        await handler.WaitForURLAsync($"**/staff/cases/{caseId}");
        Assert.Contains("待指派調解員", await handler.Locator("main").InnerTextAsync());
        await handler.AssertAccessibleAsync();
        await handler.SaveAsync("journey-3-consented.zh-Hant");

        // 4. The supervisor assigns the mediator.
        using (api.ClientAs(api, "journey.mediator", "Mediator", "GD"))
        {
        }

        api.Accounts.SetDisplayName("journey.mediator", MediatorName);
        var supervisor = await api.SignedInPageAsync("journey.supervisor", "Supervisor", "GD", acceptLanguage: "zh-CN");
        await supervisor.GotoAsync($"/staff/cases/{caseId}");
        var assign = supervisor.Locator("#action-assignMediator");
        await assign.GetByLabel("调解员").FillAsync(MediatorName);
        await assign.GetByRole(AriaRole.Button, new() { Name = "指派调解员" }).ClickAsync();
        await supervisor.WaitForURLAsync($"**/staff/cases/{caseId}");
        Assert.Contains("调解中", await supervisor.Locator("main").InnerTextAsync());

        // 5. The mediator records a session and the agreement, in English; the judicial-confirmation deadline shows.
        var mediator = await api.SignedInPageAsync("journey.mediator", "Mediator", "GD", acceptLanguage: "en-GB");
        await mediator.GotoAsync("/neutrals");
        await mediator.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
        await mediator.GetByLabel("Notes of the session").FillAsync("Both sides met; a royalty of 3% was proposed.");
        await mediator.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        Assert.Equal("The session was recorded.", await mediator.GetByRole(AriaRole.Status).InnerTextAsync());
        await mediator.GetByLabel("Terms agreed").FillAsync("A royalty of 3% of net sales from 1 April 2026.");
        await mediator.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();
        Assert.Equal("The agreement was recorded. The parties now have 30 days to apply for judicial confirmation.", await mediator.GetByRole(AriaRole.Status).InnerTextAsync());
        var confirmation = mediator.Locator("tr[data-clock=JudicialConfirmation]");
        Assert.Contains("30 days left", await confirmation.InnerTextAsync());
        Assert.Contains("Wed 1 Apr 2026", await confirmation.InnerTextAsync());
        await mediator.AssertAccessibleAsync();
        await mediator.SaveAsync("journey-5-agreed.en");

        // 6. The enterprise sees where its case stands.
        await filer.GotoAsync("/portal");
        var ours = filer.Locator("tr", new() { HasText = number });
        Assert.Contains("司法确认申请期", await ours.InnerTextAsync());
        await filer.AssertAccessibleAsync();
        await filer.SaveAsync("journey-6-portal.zh-Hans");

        Assert.Equal("AwaitingJudicialConfirmation", await StateAsync(caseId));
        foreach (var page in new[] { filer, intake, handler, supervisor, mediator })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<Guid> RegisterEnterpriseAsync(string name)
    {
        var response = await api.Admin().PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("GD", name, TestEnterprises.NewCreditCode()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<string> StateAsync(Guid id) =>
        (await api.Admin().GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("state").GetString()!;


    private static async Task<string> SummaryAsync(IPage page, string term) =>
        (await page.Locator($"dl.summary-list dt:text-is('{term}') + dd").First.InnerTextAsync()).Trim();
}
