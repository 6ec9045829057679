namespace Cases.Api.Tests;

/// <summary>How one action is applied: atomically, refused loudly, never half-done.</summary>
public sealed class WorkflowRuntimeTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Filing_starts_the_pipeline_for_the_kind_with_its_first_clock()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var filed = await workflow.CaseAsync(id);
        Assert.Equal("Filed", filed.GetProperty("state").GetString());
        Assert.Equal("rights-defence", filed.GetProperty("workflow").GetProperty("id").GetString());
        Assert.Equal(1, filed.GetProperty("workflow").GetProperty("version").GetInt32());
        Assert.Equal("GD", filed.GetProperty("handlingCentre").GetString());
        var clock = (await workflow.ClockAsync(id, "AcceptanceDecision"))!.Value;
        Assert.Equal("Running", clock.GetProperty("status").GetString());
        Assert.Equal(CasesApi.DefaultNow, clock.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM case_clock_operations WHERE case_id = @id AND sequence = 1 AND operation = 'Start'", id));

        var fastTrack = await workflow.CaseAsync(await workflow.FileAsync(Filings.FastTrack()));
        Assert.Equal("fast-track-pre-examination", fastTrack.GetProperty("workflow").GetProperty("id").GetString());
        var arbitration = await workflow.CaseAsync(await workflow.FileAsync(Filings.Mediation("Arbitration")));
        Assert.Equal("mediation-arbitration", arbitration.GetProperty("workflow").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_action_moves_the_case_and_records_the_event_and_clock_operations_together()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        api.Clock.Set(CasesApi.DefaultNow.AddDays(1));
        JsonElement accepted;
        try
        {
            accepted = await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" }, roles: "CaseHandler");
        }
        finally
        {
            api.Clock.Set(CasesApi.DefaultNow);
        }

        Assert.Equal(("AwaitingService", 2), (accepted.GetProperty("state").GetString(), accepted.GetProperty("version").GetInt32()));
        Assert.Equal("GD", accepted.GetProperty("facts").GetProperty("infringementRegion").GetString());
        var events = await workflow.TimelineAsync(id);
        var acceptance = events[1];
        Assert.Equal("CaseAccepted", acceptance.GetProperty("type").GetString());
        Assert.Equal(("acceptCase", "Filed", "AwaitingService"), (
            acceptance.GetProperty("data").GetProperty("action").GetString(),
            acceptance.GetProperty("data").GetProperty("from").GetString(),
            acceptance.GetProperty("data").GetProperty("to").GetString()));
        Assert.Equal(CasesApi.DefaultNow.AddDays(1), acceptance.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(3, await workflow.CountAsync("SELECT count(*) FROM case_clock_operations WHERE case_id = @id AND sequence = 2", id));
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "AcceptanceDecision"))!.Value.GetProperty("status").GetString());
        Assert.Equal("Running", (await workflow.ClockAsync(id, "HandlingDecision"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_action_the_state_does_not_allow_is_a_409_that_says_why_and_changes_nothing()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var response = await workflow.TryAsync(id, "decideCase", new { outcome = "InfringementEstablished", decisionDate = "2026-03-02", reason = "x" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await Workflow.ProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("'decideCase' cannot be taken while case", detail);
        Assert.Contains("'Filed'", detail);
        Assert.Contains("'Deliberation'", detail);
        Assert.Equal(1, (await workflow.CaseAsync(id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_action_against_an_old_version_is_a_409()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });

        var stale = await workflow.TryAsync(id, "serveRespondent", new { servedOn = "2026-03-02" }, expectedVersion: 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("version 2, not 1", (await Workflow.ProblemAsync(stale)).GetProperty("detail").GetString());
        Assert.Equal("AwaitingService", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task Of_concurrent_actions_on_one_case_exactly_one_succeeds_and_the_others_get_409()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(attempt => attempt % 2 == 0
            ? workflow.TryAsync(id, "acceptCase", new { infringementRegion = "GD" })
            : workflow.TryAsync(id, "refuseCase", new { reason = "Outside the centre's remit" })));

        Assert.Equal(1, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        var events = await workflow.TimelineAsync(id);
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal(2, (await workflow.CaseAsync(id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_caller_without_an_allowed_role_gets_403_naming_the_roles()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var mediator = await workflow.TryAsync(id, "acceptCase", new { infringementRegion = "GD" }, roles: "Mediator");
        var anonymous = await api.CreateClient().PostAsJsonAsync($"/api/cases/{id}/actions/acceptCase", new { payload = new { infringementRegion = "GD" } });

        Assert.Equal(HttpStatusCode.Forbidden, mediator.StatusCode);
        Assert.Contains("IntakeOfficer, CaseHandler", (await Workflow.ProblemAsync(mediator)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Filed", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task An_unknown_action_or_case_is_404_and_an_unknown_role_header_leaves_the_caller_anonymous()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        Assert.Equal(HttpStatusCode.NotFound, (await workflow.TryAsync(id, "teleportCase")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await workflow.TryAsync(Guid.NewGuid(), "acceptCase")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await workflow.Anyone().GetAsync($"/api/cases/{Guid.NewGuid()}/actions")).StatusCode);
        var wizard = await workflow.TryAsync(id, "acceptCase", new { infringementRegion = "GD" }, roles: "Wizard");
        Assert.Equal(HttpStatusCode.Forbidden, wizard.StatusCode);
    }

    [Fact]
    public async Task A_bad_payload_is_400_naming_each_field_and_changes_nothing()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var response = await workflow.TryAsync(id, "referCase", new { centre = "hk", infringementRegion = "XX", colour = "red" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("payload.centre", out _));
        Assert.True(errors.TryGetProperty("payload.infringementRegion", out _));
        Assert.True(errors.TryGetProperty("payload.colour", out _));
        Assert.True(errors.TryGetProperty("payload.reason", out var reason));
        Assert.Contains("'reason' is required.", reason[0].GetString());

        var wrongTypes = await workflow.TryAsync(id, "serveRespondent", new { servedOn = "02/03/2026" });
        Assert.Equal(HttpStatusCode.Conflict, wrongTypes.StatusCode);
        var unknownCentre = await workflow.TryAsync(id, "referCase", new { centre = "GD-ZZ", infringementRegion = "GD", reason = "r" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownCentre.StatusCode);
        Assert.Contains("No protection centre has the code 'GD-ZZ'", (await Workflow.ProblemAsync(unknownCentre)).GetProperty("errors").GetProperty("payload.centre")[0].GetString());
        Assert.Equal(1, (await workflow.CaseAsync(id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Payload_values_of_the_wrong_type_are_named()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });

        var response = await workflow.TryAsync(id, "serveRespondent", new { servedOn = "02/03/2026" });
        var asNumber = await workflow.TryAsync(id, "serveRespondent", new { servedOn = 20260302 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yyyy-MM-dd", (await Workflow.ProblemAsync(response)).GetProperty("errors").GetProperty("payload.servedOn")[0].GetString());
        Assert.Contains("must be a string", (await Workflow.ProblemAsync(asNumber)).GetProperty("errors").GetProperty("payload.servedOn")[0].GetString());
    }

    [Fact]
    public async Task Broken_guards_are_422_listing_each_rule_message()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var response = await workflow.TryAsync(id, "acceptCase", new { infringementRegion = "HK" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rule = (await Workflow.ProblemAsync(response)).GetProperty("brokenRules")[0];
        Assert.Equal("CaseMustBeWithinTheCentresJurisdictionRule", rule.GetProperty("rule").GetString());
        Assert.Contains("outside GD's jurisdiction", rule.GetProperty("message").GetString());
        Assert.Equal("Filed", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task The_available_actions_depend_on_state_and_role_and_carry_payload_schemas()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var forHandler = await workflow.As("handler", "CaseHandler").GetFromJsonAsync<JsonElement>($"/api/cases/{id}/actions");
        var forMediator = await workflow.As("mediator", "Mediator").GetFromJsonAsync<JsonElement>($"/api/cases/{id}/actions");

        Assert.Equal(("Filed", 1, "rights-defence v1"), (forHandler.GetProperty("state").GetString(), forHandler.GetProperty("version").GetInt32(), forHandler.GetProperty("workflow").GetString()));
        var actions = forHandler.GetProperty("actions").EnumerateArray().Select(action => action.GetProperty("action").GetString()).ToList();
        Assert.Equal(["acceptCase", "refuseCase", "referCase", "withdrawComplaint", "sendInformationNotice", "requestCoInvestigation", "recordCoInvestigationResponse"], actions);
        var refer = forHandler.GetProperty("actions").EnumerateArray().Single(action => action.GetProperty("action").GetString() == "referCase");
        var schema = refer.GetProperty("payload");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["centre", "infringementRegion", "reason"], schema.GetProperty("required").EnumerateArray().Select(field => field.GetString()));
        Assert.Equal(11, schema.GetProperty("properties").GetProperty("infringementRegion").GetProperty("enum").GetArrayLength());
        Assert.Equal(0, forMediator.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task A_referral_leaves_its_message_in_the_outbox_in_the_same_transaction()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());

        var refused = await workflow.TryAsync(id, "referCase", new { centre = "GD", infringementRegion = "GD", reason = "wrong" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id", id));

        var referred = await workflow.ActAsync(id, "referCase", new { centre = "HK", infringementRegion = "HK", reason = "The seller is in Kowloon" });

        Assert.Equal("HK", referred.GetProperty("referredTo").GetString());
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND recipient = 'HK' AND type = 'CaseReferred' AND sequence = 2 AND dispatched_at IS NULL", id));
    }
}
