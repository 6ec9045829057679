using System.Net;
using System.Text.Json;

namespace Cases.Api.Tests;

/// <summary>
/// A calendar change recomputes the open deadlines it moves, recording why; its dry run lists
/// them (old and new due dates, which become overdue) and stores nothing.
/// </summary>
public sealed class CalendarChangeRecomputationTests(CasesApi api) : IClassFixture<CasesApi>
{
    private static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task A_Hong_Kong_warning_day_on_the_last_day_moves_Hong_Kong_deadlines_only_and_the_dry_run_says_so_first()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var hongKong = await workflow.FileAsync(Filings.RightsDefence("HK"));
        var guangdong = await workflow.FileAsync(Filings.RightsDefence("GD"));
        Assert.Equal("2026-03-09", await LastDayAsync(hongKong));
        var warning = new { date = "2026-03-09", kind = "WarningDay", name = "八號烈風或暴風信號 gale warning no. 8 in force", reason = "Observatory bulletin of 9 March" };

        var preview = await ResultAsync(await Admin().PostAsJsonAsync("/api/calendars/HK/days?dryRun=true", warning));

        var moved = preview.GetProperty("impact").GetProperty("deadlines").EnumerateArray().Single(entry => entry.GetProperty("caseId").GetGuid() == hongKong);
        Assert.Equal(("AcceptanceDecision", "2026-03-09", "2026-03-10", false), (moved.GetProperty("clock").GetString(), moved.GetProperty("oldLastDay").GetString(), moved.GetProperty("newLastDay").GetString(), moved.GetProperty("becomesOverdue").GetBoolean()));
        Assert.DoesNotContain(preview.GetProperty("impact").GetProperty("deadlines").EnumerateArray(), entry => entry.GetProperty("caseId").GetGuid() == guangdong);
        Assert.Equal("2026-03-09", await LastDayAsync(hongKong));

        var applied = await ResultAsync(await Admin().PostAsJsonAsync("/api/calendars/HK/days", warning));

        Assert.True(applied.GetProperty("impact").GetProperty("deadlinesAffected").GetInt32() >= 1);
        Assert.Equal("2026-03-10", await LastDayAsync(hongKong));
        Assert.Equal("2026-03-09", await LastDayAsync(guangdong));
        var recomputed = (await workflow.DeadlineChangesAsync(hongKong, "AcceptanceDecision")).Single(change => change.GetProperty("kind").GetString() == "Recomputed");
        Assert.Equal("hk.admin", recomputed.GetProperty("actor").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, Utc8), recomputed.GetProperty("dueAfter").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_added_working_weekend_day_can_make_a_deadline_overdue_and_the_preview_says_which()
    {
        api.Clock.Set(new DateTimeOffset(2026, 7, 6, 9, 0, 0, Utc8));
        var id = await workflow.FileAsync(Filings.RightsDefence("GX"));
        // Mon 07-06 + 5 working days: Mon 07-13.
        Assert.Equal("2026-07-13", await LastDayAsync(id));
        api.Clock.Set(new DateTimeOffset(2026, 7, 13, 9, 0, 0, Utc8));
        var adjusted = new { date = "2026-07-11", kind = "AdjustedWorkingDay", name = "调休上班 (test)", reason = "Correction notice (test data)" };

        var preview = await ResultAsync(await Admin().PostAsJsonAsync("/api/calendars/GX/days?dryRun=true", adjusted));

        // Sat 07-11 becomes the fifth working day: the period ended last night.
        var moved = preview.GetProperty("impact").GetProperty("deadlines").EnumerateArray().Single(entry => entry.GetProperty("caseId").GetGuid() == id);
        Assert.Equal(("2026-07-13", "2026-07-11", true), (moved.GetProperty("oldLastDay").GetString(), moved.GetProperty("newLastDay").GetString(), moved.GetProperty("becomesOverdue").GetBoolean()));
        Assert.Equal(0, await workflow.CountAsync("SELECT count(*) FROM deadline_changes WHERE case_id = @id AND kind = 'Recomputed'", id));
    }

    [Fact]
    public async Task Adding_the_missing_year_computes_the_deadlines_waiting_for_it()
    {
        api.Clock.Set(new DateTimeOffset(2026, 11, 20, 10, 0, 0, Utc8));
        var id = await workflow.FileAsync(Filings.RightsDefence("SC"));
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "SC" });
        Assert.Equal("AwaitingCalendar", (await workflow.DeadlineAsync(id, "HandlingDecision")).GetProperty("status").GetString());
        var year = new
        {
            year = 2027,
            source = "State Council General Office notice on the 2027 holiday schedule (test data)",
            days = new[] { new { date = "2027-01-01", kind = "Holiday", name = "元旦 New Year's Day" } },
        };

        var added = await ResultAsync(await Admin().PostAsJsonAsync("/api/calendars/SC/years", year), HttpStatusCode.Created);

        // 3 months from Fri 2026-11-20: Sat 2027-02-20, a rest day, so Mon 2027-02-22.
        var deadline = await workflow.DeadlineAsync(id, "HandlingDecision");
        Assert.Equal(("Running", "2027-02-22"), (deadline.GetProperty("status").GetString(), deadline.GetProperty("lastDay").GetString()));
        Assert.Contains(added.GetProperty("impact").GetProperty("deadlines").EnumerateArray(),
            entry => entry.GetProperty("caseId").GetGuid() == id && entry.GetProperty("oldDueAt").ValueKind == JsonValueKind.Null);
    }

    private HttpClient Admin() => workflow.As("hk.admin", "SystemAdmin");

    private static async Task<JsonElement> ResultAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string?> LastDayAsync(Guid id) => (await workflow.DeadlineAsync(id, "AcceptanceDecision")).GetProperty("lastDay").GetString();
}
