using System.Text;
using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>The browser fixture with the cases of <see cref="ReportScenario"/> filed once for the class.</summary>
public sealed class ReportsBrowserApi : BrowserApi
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ReportScenario.SeedAsync(this);
    }
}

/// <summary>
/// The reports page (/reports) as supervisors and administrators see it, over the cases of
/// <see cref="ReportScenario"/>: the figures, the charts with their names, the period's defaults
/// (this year to date by the application's clock, 2 March 2026), refused filters, the CSV download,
/// three languages and a phone's width.
/// </summary>
public sealed class ReportsPageTests(ReportsBrowserApi api) : IClassFixture<ReportsBrowserApi>
{
    [Fact]
    public async Task A_supervisor_sees_their_centres_figures_this_year_to_date_in_simplified_chinese()
    {
        var page = await api.SignedInPageAsync("fj.report.supervisor", "Supervisor", "FJ");

        await page.GotoAsync("/reports");

        Assert.Equal("案件统计报表", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("2026-01-01", await page.GetByLabel("起始日期").InputValueAsync());
        Assert.Equal("2026-03-02", await page.GetByLabel("截止日期").InputValueAsync());
        Assert.Equal(0, await page.Locator("select[name=centre]").CountAsync());
        Assert.Contains("报表范围为本中心：福建。", await page.Locator("main").InnerTextAsync());
        Assert.Equal(["福建 · 专利快速预审", "福建 · 维权（专利侵权纠纷处理）"], await page.Locator("main h2").AllInnerTextsAsync());

        var rights = page.Locator("section[data-workflow=rights-defence]");
        Assert.Equal([("收案数", "5"), ("结案数", "2"), ("法定期限按期完成", "83.3%")], await Cards(rights));
        Assert.Equal(["2026年1月", "3", "2"], await Cells(rights.Locator("table.report-months tbody tr").Nth(0)));
        Assert.Equal(["2026年2月", "2", "0"], await Cells(rights.Locator("table.report-months tbody tr").Nth(1)));
        Assert.Equal(["合计", "5", "2"], await Cells(rights.Locator("table.report-months tfoot tr")));
        Assert.Equal("6 个法定期限中按期完成 5 个（83.3%）。", await rights.Locator(".report-on-time").InnerTextAsync());
        Assert.Equal(["4", "3", "1", "75.0%"], (await Cells(rights.Locator("table.report-deadlines tbody tr").Nth(0)))[1..]);
        Assert.Equal(["已收件待分流", "5", "2.0"], await Cells(rights.Locator("table.report-steps tbody tr").Nth(0)));
        Assert.Equal(["待送达", "2", "1.5"], await Cells(rights.Locator("table.report-steps tbody tr").Nth(2)));

        var fastTrack = page.Locator("section[data-workflow=fast-track-pre-examination]");
        Assert.Equal(["全部类型", "3", "20.0", "37.6"], await Cells(fastTrack.Locator("table.report-grants tbody tr").Nth(0)));
        Assert.Equal(["待国家知识产权局审查", "3", "17.0"], await Cells(fastTrack.Locator("table.report-steps tbody tr").Nth(4)));
        Assert.Contains("此流程没有法定期限", await fastTrack.InnerTextAsync());

        // Two charts per section, each an image named by its title.
        Assert.Equal(4, await page.Locator("main svg[role=img]").CountAsync());
        var casesChart = page.GetByRole(AriaRole.Img, new() { Name = "每月收案与结案：福建 · 维权（专利侵权纠纷处理）" });
        Assert.True(await casesChart.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "各环节用时中位数（天）：福建 · 专利快速预审" }).IsVisibleAsync());
        // The chart writes each value beside its bar: January 3 opened and 2 closed, February 2 opened.
        Assert.Equal(["3", "2", "2"], await casesChart.Locator("text.chart__value").AllTextContentsAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("reports.zh-Hans");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_system_administrator_chooses_a_centre_pipeline_and_period_in_english_and_downloads_the_csv()
    {
        var page = await api.SignedInPageAsync("report.system.admin", "SystemAdmin", acceptLanguage: "en-GB");
        await page.GotoAsync("/reports");

        await page.GetByLabel("Centre", new() { Exact = true }).SelectOptionAsync("FJ");
        await page.GetByLabel("Pipeline", new() { Exact = true }).SelectOptionAsync("fast-track-pre-examination");
        await page.GetByLabel("Period start").FillAsync("2026-01-01");
        await page.GetByLabel("Period end").FillAsync("2026-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("centre=FJ", StringComparison.Ordinal) && url.Contains("to=2026-03-31", StringComparison.Ordinal));

        Assert.Equal(["Fujian · Fast-track patent pre-examination"], await page.Locator("main h2").AllInnerTextsAsync());
        Assert.Equal([("Cases opened", "3"), ("Cases closed", "3"), ("Median days from filing to grant", "20.0")], await Cards(page.Locator("main")));
        Assert.Equal(["All types", "3", "20.0", "37.6"], await Cells(page.Locator("table.report-grants tbody tr").Nth(0)));
        Assert.Equal(["Jan 2026", "2", "1"], await Cells(page.Locator("table.report-months tbody tr").Nth(0)));
        Assert.Equal(["Filed", "3", "1.0"], await Cells(page.Locator("table.report-steps tbody tr").Nth(0)));
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "Cases opened and closed per month: Fujian · Fast-track patent pre-examination" }).IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("reports.en");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());

        Assert.Equal("cases-report-2026-01-01-to-2026-03-31.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Centre code,Centre,Pipeline,Period start,Period end,Measure,Item,Value", lines[0]);
        Assert.Equal("FJ,Fujian,Fast-track patent pre-examination,2026-01-01,2026-03-31,Cases opened,,3", lines[1]);
        Assert.Contains("FJ,Fujian,Fast-track patent pre-examination,2026-01-01,2026-03-31,Median days from filing to grant,,20", lines);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_centre_administrator_reading_traditional_chinese_is_told_beside_the_field_when_the_period_ends_before_it_starts()
    {
        var page = await api.SignedInPageAsync("jx.report.admin", "CentreAdmin", "JX", acceptLanguage: "zh-HK");

        await page.GotoAsync("/reports?from=2026-03-31&to=2026-01-01");

        Assert.Equal("案件統計報表", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("請更正下面標出的欄位。", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Equal("截止日期不能早於起始日期。", await page.Locator("#report-to-error").InnerTextAsync());
        Assert.Equal("true", await page.GetByLabel("截止日期").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await page.Locator("main h2").CountAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("reports.refused.zh-Hant");

        await page.GetByLabel("截止日期").FillAsync("2026-03-31");
        await page.GetByLabel("起始日期").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "顯示報表" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("to=2026-03-31", StringComparison.Ordinal));

        var jiangxi = page.Locator("section[data-centre=JX]");
        Assert.StartsWith("江西 · ", await jiangxi.Locator("h2").InnerTextAsync());
        Assert.Equal([("收案數", "1"), ("結案數", "1"), ("法定期限按期完成", "50.0%")], await Cards(jiangxi));
        Assert.Equal("2 個法定期限中按期完成 1 個（50.0%）。", await jiangxi.Locator(".report-on-time").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.SaveAsync("reports.zh-Hant");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_report_fits_a_phone_without_sideways_scrolling()
    {
        var page = await api.SignedInPageAsync("fj.report.phone", "Supervisor", "FJ", phone: true);
        await page.GotoAsync("/reports");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "每月收案与结案：福建 · 维权（专利侵权纠纷处理）" }).IsVisibleAsync());
        await page.SaveAsync("reports.phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_centre_is_not_found_for_a_supervisor_and_the_page_is_not_for_case_handlers()
    {
        var supervisor = await api.SignedInPageAsync("fj.report.curious", "Supervisor", "FJ");
        var handler = await api.SignedInPageAsync("fj.report.handler", "CaseHandler", "FJ");

        var other = await supervisor.GotoAsync("/reports?centre=JX");
        var otherCsv = await supervisor.GotoAsync("/reports/export?centre=JX");
        var refused = await handler.GotoAsync("/reports");

        Assert.Equal(404, other!.Status);
        Assert.Equal(404, otherCsv!.Status);
        Assert.Equal(403, refused!.Status);
        await supervisor.Context.CloseAsync();
        await handler.Context.CloseAsync();
    }

    /// <summary>The summary cards: each measure's name and its figure.</summary>
    private static async Task<(string Measure, string Figure)[]> Cards(ILocator within) =>
        [.. (await within.Locator(".card p:not(.card__number)").AllInnerTextsAsync()).Zip(await within.Locator(".card .card__number").AllInnerTextsAsync())];

    /// <summary>A table row's cells as a person reads them, the row's heading first.</summary>
    private static async Task<string[]> Cells(ILocator row) => [.. await row.Locator("th, td").AllInnerTextsAsync()];
}
