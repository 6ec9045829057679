using Cases.Workflows.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests;

/// <summary>
/// Deadlines follow the case clocks through the HTTP API, computed by the responsible centre's
/// calendar, and take effect once when due. The clock starts at Monday 2026-03-02 09:30 in the
/// 9+2 (01:30 UTC); each test sets it, so none depends on another's.
/// </summary>
public sealed class DeadlineTests(CasesApi api) : IClassFixture<CasesApi>
{
    private static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Filing_starts_the_acceptance_deadline_five_working_days_out_with_its_explanation()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var deadline = await DeadlineAsync(id, "AcceptanceDecision");

        // Mon 03-02 is the start day (not counted); Tue–Fri count 1–4, the weekend is skipped, Mon 03-09 is the fifth.
        Assert.Equal("Running", deadline.GetProperty("status").GetString());
        Assert.Equal("2026-03-09", deadline.GetProperty("lastDay").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, Utc8), deadline.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, Utc8), deadline.GetProperty("remindAt").GetDateTimeOffset());
        Assert.Equal("GD", deadline.GetProperty("region").GetString());
        var explanation = deadline.GetProperty("explanation").EnumerateArray().ToList();
        Assert.Contains(explanation, step => step.GetProperty("kind").GetString() == "rule" && step.GetProperty("text").GetString()!.Contains("专利行政执法办法"));
        Assert.Contains(explanation, step => step.GetProperty("kind").GetString() == "skipped" && step.GetProperty("date").GetString() == "2026-03-07");
        Assert.Contains(explanation, step => step.GetProperty("kind").GetString() == "skipped" && step.GetProperty("date").GetString() == "2026-03-08");
    }

    [Fact]
    public async Task An_overdue_deadline_is_marked_once_and_its_supervisors_notified_once()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await workflow.FileAsync(Filings.RightsDefence());
        var dueAt = (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("dueAt").GetDateTimeOffset();

        api.Clock.Set(dueAt.AddMinutes(-1));
        await ProcessDueAsync();
        Assert.Equal("Running", (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("status").GetString());

        api.Clock.Set(dueAt);
        Assert.Contains(await QueueAsync("overdue", "GD"), entry => entry.GetProperty("caseId").GetGuid() == id);
        await ProcessDueAsync();
        await ProcessDueAsync();

        Assert.Equal("Overdue", (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("status").GetString());
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'DeadlineOverdue' AND recipient = 'GD' AND payload->>'role' = 'Supervisor'", id));
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM deadline_changes WHERE case_id = @id AND kind = 'MarkedOverdue'", id));
        Assert.Contains(await QueueAsync("overdue", "GD"), entry => entry.GetProperty("caseId").GetGuid() == id);
        Assert.DoesNotContain(await QueueAsync("due-soon", "GD"), entry => entry.GetProperty("caseId").GetGuid() == id);

        // Done late: the deadline closes as met late, and leaves the overdue queue.
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });
        Assert.Equal("MetLate", (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("status").GetString());
        Assert.DoesNotContain(await QueueAsync("overdue", "GD"), entry => entry.GetProperty("caseId").GetGuid() == id);
    }

    [Fact]
    public async Task The_reminder_is_sent_once_when_its_day_comes()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await workflow.FileAsync(Filings.RightsDefence());
        var remindAt = (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("remindAt").GetDateTimeOffset();

        api.Clock.Set(remindAt);
        await ProcessDueAsync();
        await ProcessDueAsync();

        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'DeadlineReminder' AND payload->>'role' = 'CaseHandler'", id));
        Assert.Equal(remindAt, (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("remindedAt").GetDateTimeOffset());
        Assert.Contains(await QueueAsync("due-soon", null), entry => entry.GetProperty("caseId").GetGuid() == id);
    }

    [Fact]
    public async Task A_step_done_in_time_meets_the_deadline_and_the_timer_then_does_nothing()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await workflow.FileAsync(Filings.RightsDefence());
        var dueAt = (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("dueAt").GetDateTimeOffset();
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });

        api.Clock.Set(dueAt.AddHours(1));
        await ProcessDueAsync();

        Assert.Equal("Met", (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("status").GetString());
        Assert.Equal(0, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'DeadlineOverdue' AND payload->>'clock' = 'AcceptanceDecision'", id));
    }

    [Fact]
    public async Task No_consent_within_fifteen_days_closes_the_mediation_application_by_itself()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await workflow.FileAsync(Filings.Mediation());
        await workflow.ActAsync(id, "notifyRespondent");
        var deadline = await DeadlineAsync(id, "RespondentConsent");
        // 15 days from Mon 03-02 (not counted): Tue 03-17, a working day.
        Assert.Equal("2026-03-17", deadline.GetProperty("lastDay").GetString());

        api.Clock.Set(deadline.GetProperty("dueAt").GetDateTimeOffset());
        await ProcessDueAsync();
        await ProcessDueAsync();

        Assert.Equal("ClosedWithoutMediation", await workflow.StateAsync(id));
        var lapsed = (await workflow.TimelineAsync(id)).EnumerateArray().Where(@event => @event.GetProperty("type").GetString() == "MediationLapsed").ToList();
        Assert.Single(lapsed);
        Assert.Equal("system:deadlines", lapsed[0].GetProperty("actor").GetString());
        Assert.Equal("ExpiredByAction", (await DeadlineAsync(id, "RespondentConsent")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Suspension_does_not_count_and_resuming_moves_the_due_date_saying_why()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await InvestigationAsync();
        // 3 months from acceptance on Mon 03-02: Tue 06-02.
        Assert.Equal("2026-06-02", (await DeadlineAsync(id, "HandlingDecision")).GetProperty("lastDay").GetString());

        api.Clock.Set(new DateTimeOffset(2026, 3, 12, 10, 0, 0, Utc8));
        await workflow.ActAsync(id, "suspendCase", new { ground = "InvalidationRequestPending", reason = "Invalidation request filed with CNIPA." });
        Assert.Equal("Paused", (await DeadlineAsync(id, "HandlingDecision")).GetProperty("status").GetString());
        api.Clock.Set(new DateTimeOffset(2026, 3, 22, 15, 0, 0, Utc8));
        await workflow.ActAsync(id, "resumeCase", new { reason = "Invalidation request withdrawn." });

        // Suspended 03-12 to 03-22: ten days do not count, so the period ends ten days later, Fri 06-12.
        var deadline = await DeadlineAsync(id, "HandlingDecision");
        Assert.Equal("Running", deadline.GetProperty("status").GetString());
        Assert.Equal("2026-06-12", deadline.GetProperty("lastDay").GetString());
        var resumed = (await ChangesAsync(id, "HandlingDecision")).Single(change => change.GetProperty("kind").GetString() == "Resumed");
        Assert.Contains("10 days suspended", resumed.GetProperty("reason").GetString());
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 0, 0, 0, Utc8), resumed.GetProperty("dueBefore").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 6, 13, 0, 0, 0, Utc8), resumed.GetProperty("dueAfter").GetDateTimeOffset());
        Assert.Contains(deadline.GetProperty("explanation").EnumerateArray(), step => step.GetProperty("kind").GetString() == "paused");
    }

    [Fact]
    public async Task The_one_extension_adds_a_month()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await InvestigationAsync();

        await workflow.ActAsync(id, "extendDecisionPeriod", new { reason = "Expert opinion awaited." }, roles: "Supervisor");

        // 3 + 1 months from Mon 03-02: Thu 07-02.
        var deadline = await DeadlineAsync(id, "HandlingDecision");
        Assert.True(deadline.GetProperty("extended").GetBoolean());
        Assert.Equal("2026-07-02", deadline.GetProperty("lastDay").GetString());
        Assert.Single(await ChangesAsync(id, "HandlingDecision"), change => change.GetProperty("kind").GetString() == "Extended");
    }

    [Fact]
    public async Task A_priority_case_gets_the_shorter_internal_target_and_an_earlier_reminder()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var filing = Filings.RightsDefence();
        filing["priority"] = true;
        var id = await workflow.FileAsync(filing);

        var deadline = await DeadlineAsync(id, "AcceptanceDecision");

        Assert.Equal("2026-03-09", deadline.GetProperty("lastDay").GetString());
        // Internal target 3 working days: Thu 03-05; reminder 2 working days before it: Tue 03-03.
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 0, 0, 0, Utc8), deadline.GetProperty("targetAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, Utc8), deadline.GetProperty("remindAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_referral_is_answered_by_the_receiving_centres_calendar()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var id = await workflow.FileAsync(Filings.RightsDefence());

        await workflow.ActAsync(id, "referCase", new { centre = "HK", infringementRegion = "HK", reason = "Infringement in Hong Kong." });

        var deadline = await DeadlineAsync(id, "ReferralResponse");
        Assert.Equal(("HK", "HK", "GD"), (deadline.GetProperty("region").GetString(), deadline.GetProperty("centre").GetString(), deadline.GetProperty("handlingCentre").GetString()));
        Assert.Contains(deadline.GetProperty("explanation").EnumerateArray(), step => step.GetProperty("text").GetString()!.Contains("Cap. 1"));
        Assert.Equal("Met", (await DeadlineAsync(id, "AcceptanceDecision")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_deadline_past_the_loaded_years_waits_for_the_calendar_and_the_step_still_happens()
    {
        api.Clock.Set(new DateTimeOffset(2026, 11, 20, 10, 0, 0, Utc8));
        var id = await workflow.FileAsync(Filings.RightsDefence());

        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });

        // 3 months from 2026-11-20 ends in 2027, a year no calendar file covers yet.
        var deadline = await DeadlineAsync(id, "HandlingDecision");
        Assert.Equal("AwaitingCalendar", deadline.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, deadline.GetProperty("dueAt").ValueKind);
        Assert.Contains(deadline.GetProperty("explanation").EnumerateArray(), step => step.GetProperty("text").GetString()!.Contains("2027"));
        Assert.Equal("AwaitingService", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task The_queue_refuses_an_unknown_state_naming_the_field()
    {
        var response = await workflow.Anyone().GetAsync("/api/deadlines?state=late&centre=not-a-centre");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("state", out _));
        Assert.True(errors.TryGetProperty("centre", out _));
    }

    private async Task ProcessDueAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDueDeadlineProcessor>().ProcessDueAsync(CancellationToken.None);
    }

    private Task<System.Text.Json.JsonElement> DeadlineAsync(Guid id, string clock) => workflow.DeadlineAsync(id, clock);

    private Task<List<System.Text.Json.JsonElement>> ChangesAsync(Guid id, string clock) => workflow.DeadlineChangesAsync(id, clock);

    private async Task<List<System.Text.Json.JsonElement>> QueueAsync(string state, string? centre) =>
        (await workflow.Anyone().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/deadlines?state={state}&limit=500{(centre is null ? "" : "&centre=" + centre)}"))
            .GetProperty("items").EnumerateArray().ToList();

    private async Task<Guid> InvestigationAsync()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });
        await workflow.ActAsync(id, "serveRespondent", new { servedOn = "2026-03-02" });
        await workflow.ActAsync(id, "recordDefence");
        return id;
    }
}
