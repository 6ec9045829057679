using System.Text;

namespace Cases.Api.Tests;

/// <summary>The cases of <see cref="ReportScenario"/>, filed once for every test of the class.</summary>
public sealed class CaseReportApi : CasesApi
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ReportScenario.SeedAsync(this);
    }
}

/// <summary>
/// The case report (<c>GET /api/reports/cases</c> and <c>.csv</c>) over the cases of
/// <see cref="ReportScenario"/>: exact figures per centre and pipeline, the period's edges in UTC+8,
/// who sees which centre, refused filters, and the CSV's language, escaping and formula neutralisation.
/// </summary>
public sealed class CaseReportTests(CaseReportApi api) : IClassFixture<CaseReportApi>
{
    private const string FirstQuarter = "from=2026-01-01&to=2026-03-31";

    [Fact]
    public async Task Rights_defence_at_a_centre_counts_cases_deadlines_and_steps_exactly()
    {
        var report = await ReportAsync(api.Admin(), $"centre=FJ&workflow=rights-defence&{FirstQuarter}");

        var section = Assert.Single(report.GetProperty("sections").EnumerateArray());
        Assert.Equal(("FJ", "rights-defence"), (section.GetProperty("centre").GetString(), section.GetProperty("workflow").GetString()));
        // R1, R2, R4 in January (R4 at 00:10 on 1 January UTC+8, still 31 December in UTC); R3 and R5 in February; R0 was December's.
        Assert.Equal((5, 2), (section.GetProperty("opened").GetInt32(), section.GetProperty("closed").GetInt32()));
        Assert.Equal([(2026, 1, 3, 2), (2026, 2, 2, 0), (2026, 3, 0, 0)], Months(section));

        // Acceptance: R1, R4, R3 in time, R2 a day late (R5's was counted again at JX after the referral); service: R2 and R3 in time.
        var deadlines = section.GetProperty("deadlines");
        Assert.Equal((6, 5, 1), (deadlines.GetProperty("settled").GetInt32(), deadlines.GetProperty("onTime").GetInt32(), deadlines.GetProperty("late").GetInt32()));
        Assert.Equal(5.0 / 6, deadlines.GetProperty("onTimeRate").GetDouble(), 9);
        Assert.Equal(
            [("AcceptanceDecision", 4, 3, 0.75), ("RespondentService", 2, 2, 1.0), ("HandlingDecision", 0, 0, -1.0)],
            deadlines.GetProperty("clocks").EnumerateArray().Select(clock => (
                clock.GetProperty("clock").GetString()!,
                clock.GetProperty("settled").GetInt32(),
                clock.GetProperty("onTime").GetInt32(),
                clock.GetProperty("onTimeRate").ValueKind == JsonValueKind.Null ? -1.0 : clock.GetProperty("onTimeRate").GetDouble())));

        // Filed: 10 minutes (R4), 1 day (R5), 2 (R1), 2 (R3), 9 (R2): median 2. Service: 2 and 1 days, median 1.5. Defence: 4 and 4.
        Assert.Equal(
            [("Filed", 5, 2.0), ("AwaitingReferralAcceptance", 1, 2.0), ("AwaitingService", 2, 1.5), ("AwaitingDefence", 2, 4.0)],
            Steps(section));
        Assert.Equal(JsonValueKind.Null, section.GetProperty("grants").ValueKind);
    }

    [Fact]
    public async Task Fast_track_grant_times_run_from_filing_to_the_grant_date_with_median_and_90th_percentile()
    {
        var report = await ReportAsync(api.Admin(), $"centre=FJ&workflow=fast-track-pre-examination&{FirstQuarter}");

        var section = Assert.Single(report.GetProperty("sections").EnumerateArray());
        Assert.Equal((3, 3), (section.GetProperty("opened").GetInt32(), section.GetProperty("closed").GetInt32()));
        Assert.Equal([(2026, 1, 2, 1), (2026, 2, 1, 2), (2026, 3, 0, 0)], Months(section));
        Assert.Equal(
            [("Filed", 3, 1.0), ("FormalityCheck", 3, 1.0), ("PreExamination", 3, 1.0), ("Passed", 3, 1.0), ("AwaitingCnipaDecision", 3, 17.0)],
            Steps(section));

        // 10 days (design), 20 (utility model), 42 (invention): median 20; 90th percentile 20 + 0.8 × (42 − 20) = 37.6.
        var grants = section.GetProperty("grants");
        Assert.Equal(3, grants.GetProperty("count").GetInt32());
        Assert.Equal(20.0, grants.GetProperty("medianDays").GetDouble(), 9);
        Assert.Equal(37.6, grants.GetProperty("percentile90Days").GetDouble(), 9);
        Assert.Equal(
            [("Design", 1, 10.0), ("Invention", 1, 42.0), ("UtilityModel", 1, 20.0)],
            grants.GetProperty("byPatentType").EnumerateArray().Select(type => (type.GetProperty("patentType").GetString()!, type.GetProperty("count").GetInt32(), type.GetProperty("medianDays").GetDouble())));

        // Fast track has no statutory limits: nothing to be late against.
        var deadlines = section.GetProperty("deadlines");
        Assert.Equal((0, JsonValueKind.Null, 0), (deadlines.GetProperty("settled").GetInt32(), deadlines.GetProperty("onTimeRate").ValueKind, deadlines.GetProperty("clocks").GetArrayLength()));
    }

    [Fact]
    public async Task A_referred_case_closes_and_is_timed_at_the_centre_that_took_it_over()
    {
        var report = await ReportAsync(api.Admin(), $"centre=JX&{FirstQuarter}");

        var section = Assert.Single(report.GetProperty("sections").EnumerateArray());
        // J1 was filed at JX; R5 was filed at FJ and refused at JX after taking it over.
        Assert.Equal((1, 1), (section.GetProperty("opened").GetInt32(), section.GetProperty("closed").GetInt32()));
        Assert.Equal([("Filed", 1, 1.0)], Steps(section));
        // R5's acceptance counted again at JX and met; J1's ran out on 13 January with the case still waiting.
        var deadlines = section.GetProperty("deadlines");
        Assert.Equal((2, 1, 0.5), (deadlines.GetProperty("settled").GetInt32(), deadlines.GetProperty("onTime").GetInt32(), deadlines.GetProperty("onTimeRate").GetDouble()));
    }

    [Fact]
    public async Task The_period_starts_and_ends_at_midnight_in_UTC_plus_8()
    {
        var december = await ReportAsync(api.Admin(), "centre=FJ&workflow=rights-defence&from=2025-12-01&to=2025-12-31");
        var newYearsDay = await ReportAsync(api.Admin(), "centre=FJ&workflow=rights-defence&from=2026-01-01&to=2026-01-01");

        var r0 = Assert.Single(december.GetProperty("sections").EnumerateArray());
        Assert.Equal((1, 1, 1), (r0.GetProperty("opened").GetInt32(), r0.GetProperty("closed").GetInt32(), r0.GetProperty("deadlines").GetProperty("onTime").GetInt32()));
        Assert.Equal([(2025, 12, 1, 1)], Months(r0));
        var r4 = Assert.Single(newYearsDay.GetProperty("sections").EnumerateArray());
        Assert.Equal((1, 1), (r4.GetProperty("opened").GetInt32(), r4.GetProperty("closed").GetInt32()));
        Assert.Equal([("Filed", 1, Math.Round(10.0 / (24 * 60), 5))], Steps(r4));
    }

    [Fact]
    public async Task A_system_administrator_sees_every_centre_and_a_period_without_cases_is_empty()
    {
        var report = await ReportAsync(api.Admin(), FirstQuarter);
        var empty = await ReportAsync(api.Admin(), "from=2024-01-01&to=2024-12-31");

        Assert.Equal(
            [("FJ", "fast-track-pre-examination"), ("FJ", "rights-defence"), (ReportScenario.FormulaCentre, "rights-defence"), ("JX", "rights-defence")],
            report.GetProperty("sections").EnumerateArray().Select(section => (section.GetProperty("centre").GetString()!, section.GetProperty("workflow").GetString()!)));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("centre").ValueKind);
        Assert.Equal(0, empty.GetProperty("sections").GetArrayLength());
    }

    [Theory]
    [InlineData("Supervisor")]
    [InlineData("CentreAdmin")]
    public async Task Supervisors_and_centre_administrators_see_their_own_centre_and_another_centre_is_not_found(string role)
    {
        using var client = api.ClientAs(api, $"fj.{role.ToLowerInvariant()}", role, "FJ");

        var own = await ReportAsync(client, FirstQuarter);
        var named = await ReportAsync(client, $"centre=FJ&{FirstQuarter}");
        var other = await client.GetAsync($"/api/reports/cases?centre=JX&{FirstQuarter}");
        var otherCsv = await client.GetAsync($"/api/reports/cases.csv?centre=JX&{FirstQuarter}");

        Assert.Equal("FJ", own.GetProperty("centre").GetString());
        Assert.Equal(["FJ", "FJ"], own.GetProperty("sections").EnumerateArray().Select(section => section.GetProperty("centre").GetString()));
        Assert.Equal(own.GetProperty("sections").ToString(), named.GetProperty("sections").ToString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCsv.StatusCode);
    }

    [Theory]
    [InlineData("CaseHandler")]
    [InlineData("IntakeOfficer")]
    [InlineData("EnterpriseUser")]
    public async Task Other_roles_may_not_read_the_report(string role)
    {
        using var client = role == "EnterpriseUser"
            ? api.ClientAs(api, "report.enterprise", role, enterprise: await TestEnterprises.RegisterAsync(api.Admin(), "FJ", "Report test enterprise"))
            : api.ClientAs(api, $"fj.{role.ToLowerInvariant()}", role, "FJ");

        var response = await client.GetAsync($"/api/reports/cases?{FirstQuarter}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_centre_nobody_registered_is_not_found()
    {
        var response = await api.Admin().GetAsync($"/api/reports/cases?centre=GD-NONE&{FirstQuarter}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-03-31&to=2026-01-01", "to")]
    [InlineData("from=2023-01-01&to=2026-01-01", "to")]
    [InlineData("to=2026-01-01", "from")]
    [InlineData("from=2026-01-01", "to")]
    [InlineData("from=31.12.2025&to=2026-01-01", "from")]
    [InlineData("from=1999-12-31&to=2000-01-31", "from")]
    [InlineData("from=2026-01-01&to=2026-01-31&workflow=patent-lottery", "workflow")]
    [InlineData("from=2026-01-01&to=2026-01-31&centre=guangdong", "centre")]
    public async Task Bad_filters_are_400_naming_the_field(string query, string field)
    {
        var response = await api.Admin().GetAsync($"/api/reports/cases?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Three_years_to_the_day_before_is_the_longest_period()
    {
        var response = await api.Admin().GetAsync("/api/reports/cases?from=2023-01-01&to=2025-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_a_byte_order_mark_in_the_readers_language_with_formulas_neutralised()
    {
        using var english = api.Admin();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var response = await english.GetAsync($"/api/reports/cases.csv?centre={ReportScenario.FormulaCentre}&{FirstQuarter}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("cases-report-2026-01-01-to-2026-03-31.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Centre code,Centre,Pipeline,Period start,Period end,Measure,Item,Value", lines[0]);
        // The registered name is a formula with commas and quotes: quoted, quotes doubled, and an apostrophe in front.
        var prefix = $"{ReportScenario.FormulaCentre},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Rights defence (patent infringement dispute),2026-01-01,2026-03-31,";
        Assert.Equal(prefix + "Cases opened,,1", lines[1]);
        Assert.Equal(prefix + "Cases closed,,0", lines[2]);
        Assert.Contains(prefix + "Cases opened,2026-01,1", lines);
        Assert.Contains(prefix + "Statutory deadlines settled,,1", lines);
        Assert.Contains(prefix + "On-time rate (%),,0", lines);
        Assert.Contains(prefix + "Deadlines missed,Acceptance decision,1", lines);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.DoesNotContain(lines, line => line.Contains(",=", StringComparison.Ordinal) || line.StartsWith('='));
    }

    [Fact]
    public async Task The_csv_speaks_chinese_to_a_chinese_reader_with_numbers_as_machines_read_them()
    {
        using var chinese = api.Admin();
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await chinese.GetAsync($"/api/reports/cases.csv?centre=FJ&workflow=fast-track-pre-examination&{FirstQuarter}");

        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("中心代码,保护中心,流程,起始日期,截止日期,指标,项目,数值", lines[0]);
        var prefix = "FJ,福建,专利快速预审,2026-01-01,2026-03-31,";
        Assert.Equal(prefix + "收案数,,3", lines[1]);
        Assert.Contains(prefix + "授权数,,3", lines);
        Assert.Contains(prefix + "提交至授权天数第 90 百分位数,,37.6", lines);
        Assert.Contains(prefix + "环节用时中位数（天）,待国家知识产权局审查,17", lines);
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/reports/cases?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<(int Year, int Month, int Opened, int Closed)> Months(JsonElement section) =>
        [.. section.GetProperty("months").EnumerateArray().Select(month => (
            month.GetProperty("year").GetInt32(), month.GetProperty("month").GetInt32(), month.GetProperty("opened").GetInt32(), month.GetProperty("closed").GetInt32()))];

    /// <summary>Each step with its count and median, the median rounded to a second's precision (in days).</summary>
    private static List<(string State, int Count, double MedianDays)> Steps(JsonElement section) =>
        [.. section.GetProperty("steps").EnumerateArray().Select(step => (
            step.GetProperty("state").GetString()!, step.GetProperty("count").GetInt32(), Math.Round(step.GetProperty("medianDays").GetDouble(), 5)))];
}
