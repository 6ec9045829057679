namespace Cases.Api.Tests;

/// <summary>Rights defence (维权): every branch, through the HTTP API, against the real database.</summary>
public sealed class RightsDefencePipelineTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Accepted_served_defended_investigated_heard_and_decided()
    {
        var id = await AcceptedAsync();
        await workflow.ActAsync(id, "serveRespondent", new { servedOn = "2026-03-03" }, roles: "CaseHandler");
        Assert.Equal("Running", (await workflow.ClockAsync(id, "DefencePeriod"))!.Value.GetProperty("status").GetString());
        await workflow.ActAsync(id, "recordDefence", new { summary = "The respondent denies using the filter." }, roles: "CaseHandler");
        await workflow.ActAsync(id, "scheduleHearing", new { hearingDate = "2026-04-10" }, roles: "CaseHandler");
        await workflow.ActAsync(id, "recordHearing", new { minutes = "Both parties heard." }, roles: "CaseHandler");
        var decided = await workflow.ActAsync(id, "decideCase", new { outcome = "InfringementEstablished", decisionDate = "2026-05-20", reason = "Claim 1 is reproduced." }, roles: "CaseHandler");

        Assert.Equal("Decided", decided.GetProperty("state").GetString());
        Assert.Equal("InfringementEstablished", decided.GetProperty("facts").GetProperty("outcome").GetString());
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "HandlingDecision"))!.Value.GetProperty("status").GetString());
        Assert.Equal("Running", (await workflow.ClockAsync(id, "LawsuitWindow"))!.Value.GetProperty("status").GetString());
        var types = (await workflow.TimelineAsync(id)).EnumerateArray().Select(@event => @event.GetProperty("type").GetString());
        Assert.Equal(["CaseFiled", "CaseAccepted", "RespondentServed", "DefenceReceived", "HearingScheduled", "HearingHeld", "DecisionIssued"], types);
        Assert.Equal("Claim 1 is reproduced.", (await workflow.TimelineAsync(id))[6].GetProperty("reason").GetString());
        Assert.Empty((await workflow.Anyone().GetFromJsonAsync<JsonElement>($"/api/cases/{id}/actions")).GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task Refused_with_reasons()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var refused = await workflow.ActAsync(id, "refuseCase", new { reason = "No patent right is shown." }, roles: "IntakeOfficer");

        Assert.Equal("Refused", refused.GetProperty("state").GetString());
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "AcceptanceDecision"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Referred_across_regions_and_accepted_by_the_receiving_centre()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "referCase", new { centre = "HK", infringementRegion = "HK", reason = "The seller trades in Kowloon." }, roles: "IntakeOfficer");
        Assert.Equal("Running", (await workflow.ClockAsync(id, "ReferralResponse"))!.Value.GetProperty("status").GetString());
        Assert.Contains(id, await QueueAsync("HK"));
        Assert.Contains(id, await QueueAsync("GD"));

        var taken = await workflow.ActAsync(id, "acceptReferral", roles: "IntakeOfficer");

        Assert.Equal(("Filed", "HK", JsonValueKind.Null), (taken.GetProperty("state").GetString(), taken.GetProperty("handlingCentre").GetString(), taken.GetProperty("referredTo").ValueKind));
        Assert.Equal("GD", taken.GetProperty("centre").GetString());
        Assert.Equal("Running", (await workflow.ClockAsync(id, "AcceptanceDecision"))!.Value.GetProperty("status").GetString());
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'ReferralAccepted' AND recipient = 'GD'", id));
        Assert.DoesNotContain(id, await QueueAsync("GD"));
        var accepted = await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "HK" });
        Assert.Equal("AwaitingService", accepted.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_declined_or_withdrawn_referral_returns_the_case_to_the_sending_centre()
    {
        var declined = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(declined, "referCase", new { centre = "MO", infringementRegion = "MO", reason = "Sold in Macao." });
        var back = await workflow.ActAsync(declined, "declineReferral", new { reason = "The respondent is in Zhuhai." }, roles: "Supervisor");
        Assert.Equal(("Filed", "GD", JsonValueKind.Null), (back.GetProperty("state").GetString(), back.GetProperty("handlingCentre").GetString(), back.GetProperty("referredTo").ValueKind));
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'ReferralDeclined' AND recipient = 'GD'", declined));

        var withdrawn = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(withdrawn, "referCase", new { centre = "FJ", infringementRegion = "FJ", reason = "Made in Xiamen." });
        Assert.Equal(HttpStatusCode.Forbidden, (await workflow.TryAsync(withdrawn, "withdrawReferral", new { reason = "No answer" }, roles: "IntakeOfficer")).StatusCode);
        var returned = await workflow.ActAsync(withdrawn, "withdrawReferral", new { reason = "No answer within the time limit." }, roles: "Supervisor");
        Assert.Equal("GD", returned.GetProperty("handlingCentre").GetString());
    }

    [Fact]
    public async Task A_referral_must_go_to_a_centre_of_the_region_concerned()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var response = await workflow.TryAsync(id, "referCase", new { centre = "HK", infringementRegion = "MO", reason = "Sold in Macao." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("ReferralMustGoToACentreWithJurisdictionRule", (await Workflow.ProblemAsync(response)).GetProperty("brokenRules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Suspension_pauses_the_decision_clock_and_resumption_restarts_it()
    {
        var id = await InvestigationAsync();
        api.Clock.Set(CasesApi.DefaultNow.AddDays(10));
        try
        {
            await workflow.ActAsync(id, "suspendCase", new { ground = "InvalidationRequestPending", reason = "Invalidation request 4W112233 pending at CNIPA." });
            var paused = (await workflow.ClockAsync(id, "HandlingDecision"))!.Value;
            Assert.Equal("Paused", paused.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Conflict, (await workflow.TryAsync(id, "concludeInvestigation")).StatusCode);

            api.Clock.Set(CasesApi.DefaultNow.AddDays(40));
            await workflow.ActAsync(id, "resumeCase", new { reason = "Invalidation request rejected." });
        }
        finally
        {
            api.Clock.Set(CasesApi.DefaultNow);
        }

        var resumed = (await workflow.ClockAsync(id, "HandlingDecision"))!.Value;
        Assert.Equal("Running", resumed.GetProperty("status").GetString());
        Assert.Equal(TimeSpan.FromDays(30), TimeSpan.Parse(resumed.GetProperty("pausedFor").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Investigation", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task The_decision_period_is_extended_once_by_a_supervisor()
    {
        var id = await InvestigationAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await workflow.TryAsync(id, "extendDecisionPeriod", new { reason = "Complex technology" }, roles: "CaseHandler")).StatusCode);
        var extended = await workflow.ActAsync(id, "extendDecisionPeriod", new { reason = "Complex technology; expert opinion awaited." }, roles: "Supervisor");
        var again = await workflow.TryAsync(id, "extendDecisionPeriod", new { reason = "Still complex" }, roles: "Supervisor");

        Assert.Equal("Investigation", extended.GetProperty("state").GetString());
        Assert.True((await workflow.ClockAsync(id, "HandlingDecision"))!.Value.GetProperty("extended").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("already extended once", (await Workflow.ProblemAsync(again)).GetProperty("brokenRules")[0].GetProperty("message").GetString());
        await workflow.ActAsync(id, "concludeInvestigation");
        Assert.Equal("InfringementNotEstablished", (await workflow.ActAsync(id, "decideCase", new { outcome = "InfringementNotEstablished", decisionDate = "2026-06-01", reason = "Claim 1 not reproduced." }))
            .GetProperty("facts").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task With_both_parties_consent_it_goes_to_mediation_and_settles_or_returns()
    {
        var settled = await InvestigationAsync();
        var refused = await workflow.TryAsync(settled, "referToMediation", new { complainantConsents = true, respondentConsents = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await workflow.ActAsync(settled, "referToMediation", new { complainantConsents = true, respondentConsents = true });
        Assert.Equal("Paused", (await workflow.ClockAsync(settled, "HandlingDecision"))!.Value.GetProperty("status").GetString());
        var done = await workflow.ActAsync(settled, "recordSettlement", new { agreementTerms = "Licence at 3% royalty." }, roles: "Mediator");
        Assert.Equal("Settled", done.GetProperty("state").GetString());

        var failed = await InvestigationAsync();
        await workflow.ActAsync(failed, "referToMediation", new { complainantConsents = true, respondentConsents = true });
        var back = await workflow.ActAsync(failed, "endMediation", new { reason = "No agreement on royalties." }, roles: "Mediator");
        Assert.Equal("Investigation", back.GetProperty("state").GetString());
        Assert.Equal("Running", (await workflow.ClockAsync(failed, "HandlingDecision"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_complaint_can_be_withdrawn_from_an_open_case_and_the_investigation_concluded_without_a_hearing()
    {
        // Filed by a key enterprise, which then withdraws its own complaint.
        var withdrawn = await InvestigationAsync(throughEnterprise: true);
        var closed = await workflow.ActAsync(withdrawn, "withdrawComplaint", new { reason = "Settled privately." }, roles: "EnterpriseUser");
        Assert.Equal("Withdrawn", closed.GetProperty("state").GetString());
        Assert.All(closed.GetProperty("clocks").EnumerateArray(), clock => Assert.NotEqual("Running", clock.GetProperty("status").GetString()));

        var concluded = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(concluded, "acceptCase", new { infringementRegion = "GD" });
        await workflow.ActAsync(concluded, "serveRespondent", new { servedOn = "2026-03-03" });
        await workflow.ActAsync(concluded, "closeDefencePeriod");
        Assert.Equal("Deliberation", (await workflow.ActAsync(concluded, "concludeInvestigation")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Notices_and_co_investigation_requests_go_to_other_centres_without_moving_the_case()
    {
        var id = await InvestigationAsync();

        await workflow.ActAsync(id, "sendInformationNotice", new { recipient = "GX", subject = "Repeat infringer", message = "The respondent also sells in Nanning." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await workflow.TryAsync(id, "recordCoInvestigationResponse", new { findings = "none" })).StatusCode);
        await workflow.ActAsync(id, "requestCoInvestigation", new { recipient = "HK", request = "Confirm the respondent's Kowloon warehouse." });
        Assert.Equal("Running", (await workflow.ClockAsync(id, "CoInvestigationResponse"))!.Value.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await workflow.TryAsync(id, "requestCoInvestigation", new { recipient = "MO", request = "Another" })).StatusCode);
        var answered = await workflow.ActAsync(id, "recordCoInvestigationResponse", new { findings = "Warehouse confirmed; 300 units seized." });

        Assert.Equal("Investigation", answered.GetProperty("state").GetString());
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "CoInvestigationResponse"))!.Value.GetProperty("status").GetString());
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'InformationNoticeSent' AND recipient = 'GX'", id));
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'CoInvestigationRequested' AND recipient = 'HK'", id));
    }

    /// <summary>The ids in a centre's triage queue.</summary>
    private async Task<List<Guid>> QueueAsync(string centre) =>
        (await workflow.Anyone().GetFromJsonAsync<JsonElement>($"/api/cases?centre={centre}&pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("id").GetGuid()).ToList();

    private async Task<Guid> AcceptedAsync(bool throughEnterprise = false)
    {
        var id = throughEnterprise ? await workflow.FileThroughEnterpriseAsync(Filings.RightsDefence()) : await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" }, roles: "CaseHandler");
        return id;
    }

    private async Task<Guid> InvestigationAsync(bool throughEnterprise = false)
    {
        var id = await AcceptedAsync(throughEnterprise);
        await workflow.ActAsync(id, "serveRespondent", new { servedOn = "2026-03-03" });
        await workflow.ActAsync(id, "recordDefence");
        return id;
    }
}
