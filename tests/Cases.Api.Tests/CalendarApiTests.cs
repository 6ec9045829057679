using Cases.Workflows.Calendars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// The calendars over HTTP, on the shipped 2024–2026 data the application loads at start-up. The
/// tests share one database: the ones that change a calendar use dates no other test reads
/// (Hong Kong 2026-03-23, mainland 2027/2028, Macao 2026-10-05).
/// </summary>
public sealed class CalendarApiTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string Admin = "SystemAdmin";
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task A_mainland_due_date_counts_working_days_and_explains_each_skipped_day()
    {
        var due = await DueAsync("GD", "2026-03-02", 5, "working-days");

        Assert.Equal("GD", due.GetProperty("region").GetString());
        Assert.Equal("Mainland", due.GetProperty("calendar").GetString());
        Assert.Equal(["FJ", "JX", "HN", "GX", "HI", "SC", "GZ", "YN"], due.GetProperty("sharedWith").EnumerateArray().Select(code => code.GetString()));
        Assert.Equal("2026-03-02", due.GetProperty("start").GetString());
        Assert.Equal("working-days", due.GetProperty("unit").GetString());
        Assert.Equal("2026-03-09", due.GetProperty("due").GetString());
        Assert.Equal("2026-03-10T00:00:00+08:00", due.GetProperty("expiresAt").GetString());
        var steps = due.GetProperty("explanation").EnumerateArray().ToList();
        Assert.Equal("countingLaw", steps[0].GetProperty("kind").GetString());
        Assert.Contains("民事诉讼法", steps[0].GetProperty("text").GetString());
        Assert.Contains(steps, step => step.GetProperty("kind").GetString() == "skipped" && step.GetProperty("date").GetString() == "2026-03-07");
        Assert.Equal("due", steps[^1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_Spring_Festival_and_its_adjusted_working_Saturday_are_named()
    {
        var due = await DueAsync("SC", "2026-02-12", 5, "working-days");

        Assert.Equal("2026-02-26", due.GetProperty("due").GetString());
        var texts = Texts(due);
        Assert.Contains("2026-02-16 Mon: 春节 Spring Festival (statutory holiday): not counted.", texts);
        Assert.Contains(texts, text => text.StartsWith("2026-02-14 Sat: 调休上班日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hong_Kong_does_not_count_excluded_days_in_a_short_period_and_Macao_counts_its_half_day()
    {
        var hongKong = await DueAsync("HK", "2026-02-13", 5, "days");
        Assert.Equal("HongKong", hongKong.GetProperty("calendar").GetString());
        Assert.Empty(hongKong.GetProperty("sharedWith").EnumerateArray());
        Assert.Equal("2026-02-23", hongKong.GetProperty("due").GetString());
        Assert.Contains(Texts(hongKong), text => text.Contains("Cap. 1) s. 71", StringComparison.Ordinal));
        Assert.Contains(Texts(hongKong), text => text.StartsWith("2026-02-17 Tue: 農曆年初一", StringComparison.Ordinal));

        Assert.Equal("2026-02-20", (await DueAsync("HK", "2026-02-13", 7, "days")).GetProperty("due").GetString());

        var macao = await DueAsync("MO", "2026-02-13", 1, "working-days");
        Assert.Equal("2026-02-16", macao.GetProperty("due").GetString());
        Assert.Contains(Texts(macao), text => text.Contains("offices open in the morning", StringComparison.Ordinal));
        Assert.Equal("2026-04-13", (await DueAsync("MO", "2026-04-01", 5, "working-days")).GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_period_in_hours_needs_a_time_and_expires_at_an_hour()
    {
        var mainland = await DueAsync("GD", "2026-03-02T10:20", 24, "hours");
        Assert.Equal("2026-03-03T11:00:00+08:00", mainland.GetProperty("due").GetString());
        Assert.Equal("2026-03-02T10:20:00+08:00", mainland.GetProperty("start").GetString());

        var hongKong = await DueAsync("HK", "2026-03-02T02:20:00%2B00:00", 24, "hours");
        Assert.Equal("2026-03-03T10:20:00+08:00", hongKong.GetProperty("due").GetString());

        var dateOnly = await workflow.Anyone().GetAsync("/api/calendars/GD/due?start=2026-03-02&amount=24&unit=hours");
        Assert.Equal(HttpStatusCode.BadRequest, dateOnly.StatusCode);
        Assert.Contains("time of day", (await Workflow.ProblemAsync(dateOnly)).GetProperty("errors").GetProperty("start")[0].GetString());
    }

    [Fact]
    public async Task Bad_due_date_input_names_each_field_and_an_unknown_region_is_404()
    {
        var response = await workflow.Anyone().GetAsync("/api/calendars/GD/due?start=tomorrow&amount=0&unit=weeks");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("start", out _));
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.Contains("working-days", errors.GetProperty("unit")[0].GetString());

        var missing = await workflow.Anyone().GetAsync("/api/calendars/GD/due");
        var missingErrors = (await Workflow.ProblemAsync(missing)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["amount", "start", "unit"], missingErrors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, (await workflow.Anyone().GetAsync("/api/calendars/GD/due?start=2026-03-02&amount=1001&unit=days")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await workflow.Anyone().GetAsync("/api/calendars/XX/due?start=2026-03-02&amount=5&unit=days")).StatusCode);
    }

    [Fact]
    public async Task A_due_date_in_a_year_not_loaded_is_422_never_a_guess()
    {
        var response = await workflow.Anyone().GetAsync("/api/calendars/MO/due?start=2026-12-20&amount=15&unit=days");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Workflow.ProblemAsync(response);
        Assert.Contains("no data for 2027-01-04", problem.GetProperty("detail").GetString());
        Assert.Equal("Macao", problem.GetProperty("calendar").GetString());
    }

    [Fact]
    public async Task A_year_lists_its_days_with_names_and_the_regions_that_share_it()
    {
        var year = await workflow.Anyone().GetFromJsonAsync<JsonElement>("/api/calendars/FJ/2026");

        Assert.Equal("Mainland", year.GetProperty("calendar").GetString());
        Assert.Contains("GD", year.GetProperty("sharedWith").EnumerateArray().Select(code => code.GetString()));
        Assert.Contains("State Council", year.GetProperty("source").GetString());
        var days = year.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(39, days.Count);
        var adjusted = days.Single(day => day.GetProperty("date").GetString() == "2026-02-28");
        Assert.Equal("AdjustedWorkingDay", adjusted.GetProperty("kind").GetString());
        Assert.Equal("Saturday", adjusted.GetProperty("weekday").GetString());

        var macao = await workflow.Anyone().GetFromJsonAsync<JsonElement>("/api/calendars/MO/2026");
        Assert.Contains(macao.GetProperty("days").EnumerateArray(), day => day.GetProperty("date").GetString() == "2026-02-16" && day.GetProperty("kind").GetString() == "HalfDayGovernmentHoliday");

        Assert.Equal(HttpStatusCode.NotFound, (await workflow.Anyone().GetAsync("/api/calendars/HK/2030")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await workflow.Anyone().GetAsync("/api/calendars/ZZ/2026")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_adds_a_year_and_deadlines_in_it_can_then_be_computed()
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await workflow.Anyone().GetAsync("/api/calendars/GD/due?start=2026-12-20&amount=15&unit=days")).StatusCode);
        var body = new
        {
            year = 2027,
            source = "State Council General Office notice on the 2027 holiday schedule (test data)",
            days = new[] { new { date = "2027-01-01", kind = "Holiday", name = "元旦 New Year's Day" } },
        };

        var created = await workflow.As("li.admin", Admin).PostAsJsonAsync("/api/calendars/GZ/years", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/calendars/GZ/2027", created.Headers.Location?.ToString());
        var added = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Mainland", added.GetProperty("calendar").GetString());
        Assert.False(added.GetProperty("dryRun").GetBoolean());
        // Sun 2026-12-20 + 15 days = Mon 2027-01-04, on every mainland region's calendar.
        Assert.Equal("2027-01-04", (await DueAsync("GD", "2026-12-20", 15, "days")).GetProperty("due").GetString());
        var year = await workflow.Anyone().GetFromJsonAsync<JsonElement>("/api/calendars/GD/2027");
        Assert.Equal("li.admin", year.GetProperty("loadedBy").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await workflow.As("li.admin", Admin).PostAsJsonAsync("/api/calendars/GD/years", body)).StatusCode);
    }

    [Fact]
    public async Task A_dry_run_of_a_year_stores_nothing()
    {
        var body = new { year = 2028, source = "test", days = new[] { new { date = "2028-01-01", kind = "Holiday", name = "元旦 New Year's Day" } } };

        var response = await workflow.As("li.admin", Admin).PostAsJsonAsync("/api/calendars/GD/years?dryRun=true", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, result.GetProperty("impact").GetProperty("deadlinesAffected").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await workflow.Anyone().GetAsync("/api/calendars/GD/2028")).StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM calendar_years WHERE year = 2028"));
    }

    [Fact]
    public async Task A_Hong_Kong_warning_day_moves_Hong_Kong_deadlines_and_not_mainland_ones()
    {
        // Mon 2026-03-16 + 7 days = Mon 2026-03-23 in both.
        Assert.Equal("2026-03-23", (await DueAsync("HK", "2026-03-16", 7, "days")).GetProperty("due").GetString());
        Assert.Equal("2026-03-23", (await DueAsync("GD", "2026-03-16", 7, "days")).GetProperty("due").GetString());
        var warning = new { date = "2026-03-23", kind = "WarningDay", name = "黑色暴雨警告 black rainstorm warning in force", reason = "Observatory bulletin of 23 March" };

        var dryRun = await workflow.As("chan.admin", Admin).PostAsJsonAsync("/api/calendars/HK/days?dryRun=true", warning);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.True((await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dryRun").GetBoolean());
        Assert.Equal("2026-03-23", (await DueAsync("HK", "2026-03-16", 7, "days")).GetProperty("due").GetString());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM calendar_days WHERE date = '2026-03-23'"));
        var revisionBefore = await CountAsync("SELECT revision FROM calendar_revision");

        var response = await workflow.As("chan.admin", Admin).PostAsJsonAsync("/api/calendars/HK/days", warning);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(revisionBefore + 1, recorded.GetProperty("revision").GetInt64());
        Assert.Equal("chan.admin", recorded.GetProperty("day").GetProperty("recordedBy").GetString());
        Assert.Equal("WarningDay", recorded.GetProperty("day").GetProperty("kind").GetString());
        var hongKong = await DueAsync("HK", "2026-03-16", 7, "days");
        Assert.Equal("2026-03-24", hongKong.GetProperty("due").GetString());
        Assert.Contains(Texts(hongKong), text => text.Contains("black rainstorm warning in force", StringComparison.Ordinal));
        Assert.Equal("2026-03-23", (await DueAsync("GD", "2026-03-16", 7, "days")).GetProperty("due").GetString());
        var year = await workflow.Anyone().GetFromJsonAsync<JsonElement>("/api/calendars/HK/2026");
        Assert.Contains(year.GetProperty("days").EnumerateArray(), day => day.GetProperty("date").GetString() == "2026-03-23"
            && day.GetProperty("reason").GetString() == "Observatory bulletin of 23 March");
    }

    [Fact]
    public async Task Only_a_system_administrator_changes_calendars()
    {
        var day = new { date = "2026-10-05", kind = "GovernmentHoliday", name = "政府假期 government holiday", reason = "test" };
        var year = new { year = 2029, source = "test", days = Array.Empty<object>() };

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/calendars/MO/days", day)).StatusCode);
        foreach (var client in new[] { workflow.As("someone", "CaseHandler,CentreAdmin"), workflow.As("handler", "CaseHandler") })
        {
            var recorded = await client.PostAsJsonAsync("/api/calendars/MO/days", day);
            Assert.Equal(HttpStatusCode.Forbidden, recorded.StatusCode);
            Assert.Contains("SystemAdmin", (await Workflow.ProblemAsync(recorded)).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/calendars/MO/years", year)).StatusCode);
        }

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM calendar_days WHERE calendar = 'Macao' AND date = '2026-10-05'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM calendar_years WHERE year = 2029"));
    }

    [Fact]
    public async Task Bad_calendar_changes_name_each_field()
    {
        var body = new
        {
            year = 2030,
            source = "",
            days = new[]
            {
                new { date = "2031-01-01", kind = "Holiday", name = "元旦 New Year's Day" },
                new { date = "2030-02-01", kind = "Festival", name = "x" },
                new { date = "2030-02-02", kind = "Holiday", name = " " },
                new { date = "2030-02-02", kind = "WarningDay", name = "typhoon" },
            },
        };

        var response = await workflow.As("li.admin", Admin).PostAsJsonAsync("/api/calendars/GD/years", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal(["days[0].date", "days[1].kind", "days[2].name", "days[3].date", "days[3].kind", "source"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Contains("only in the Hong Kong calendar", errors.GetProperty("days[3].kind")[0].GetString());

        var adjusted = await workflow.As("chan.admin", Admin).PostAsJsonAsync("/api/calendars/HK/days",
            new { date = "2026-05-09", kind = "AdjustedWorkingDay", name = "x", reason = "" });
        var adjustedErrors = (await Workflow.ProblemAsync(adjusted)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, adjusted.StatusCode);
        Assert.Contains("only in the mainland calendar", adjustedErrors.GetProperty("kind")[0].GetString());
        Assert.True(adjustedErrors.TryGetProperty("reason", out _));

        var outside = await workflow.As("chan.admin", Admin).PostAsJsonAsync("/api/calendars/HK/days",
            new { date = "2031-07-01", kind = "WarningDay", name = "typhoon signal no. 8", reason = "bulletin" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
    }

    [Fact]
    public async Task Loading_the_shipped_calendars_again_changes_nothing_and_two_nodes_load_a_missing_year_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(api.ConnectionString);
        var loader = new CalendarLoader(dataSource, api.Clock, NullLogger<CalendarLoader>.Instance);
        Assert.Empty(await loader.LoadShippedYearsAsync(CancellationToken.None));

        await using (var command = dataSource.CreateCommand(
                         "DELETE FROM calendar_days WHERE calendar = 'Macao' AND year = 2024; DELETE FROM calendar_years WHERE calendar = 'Macao' AND year = 2024"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var results = await Task.WhenAll(loader.LoadShippedYearsAsync(CancellationToken.None), new CalendarLoader(dataSource, api.Clock, NullLogger<CalendarLoader>.Instance).LoadShippedYearsAsync(CancellationToken.None));

        Assert.Equal(["Macao 2024"], results.SelectMany(loaded => loaded));
        Assert.Equal(28, await CountAsync("SELECT count(*) FROM calendar_days WHERE calendar = 'Macao' AND year = 2024"));
        Assert.NotNull(api.Services.GetRequiredService<CalendarRegistry>());
    }

    private async Task<JsonElement> DueAsync(string region, string start, int amount, string unit)
    {
        var response = await workflow.Anyone().GetAsync($"/api/calendars/{region}/due?start={start}&amount={amount}&unit={unit}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{region} {start} {amount} {unit}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Texts(JsonElement due) =>
        due.GetProperty("explanation").EnumerateArray().Select(step => step.GetProperty("text").GetString()!).ToList();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
