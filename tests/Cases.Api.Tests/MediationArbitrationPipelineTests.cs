namespace Cases.Api.Tests;

/// <summary>Mediation, then arbitration (调解 → 仲裁): every branch through the HTTP API.</summary>
public sealed class MediationArbitrationPipelineTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Consented_mediated_agreed_and_sent_for_judicial_confirmation()
    {
        var id = await InMediationAsync("Mediator Chen");
        await workflow.ActAsync(id, "recordSession", new { sessionDate = "2026-03-10", notes = "Positions exchanged." }, roles: "Mediator");
        await workflow.ActAsync(id, "recordSession", new { sessionDate = "2026-03-17", notes = "Royalty range narrowed." }, roles: "Mediator");
        var agreed = await workflow.ActAsync(id, "recordAgreement", new { agreementDate = "2026-03-24", terms = "Back royalties paid in two instalments." }, roles: "Mediator");
        Assert.Equal("AwaitingJudicialConfirmation", agreed.GetProperty("state").GetString());
        Assert.Equal("Running", (await workflow.ClockAsync(id, "JudicialConfirmation"))!.Value.GetProperty("status").GetString());

        var closed = await workflow.ActAsync(id, "recordJudicialConfirmationApplication", new { appliedOn = "2026-04-01", court = "Hengqin People's Court" }, roles: "Mediator");

        Assert.Equal(("ClosedByAgreement", "Mediator Chen"), (closed.GetProperty("state").GetString(), closed.GetProperty("facts").GetProperty("mediator").GetString()));
        var sessions = (await workflow.TimelineAsync(id)).EnumerateArray().Count(@event => @event.GetProperty("type").GetString() == "MediationSessionHeld");
        Assert.Equal(2, sessions);
    }

    [Fact]
    public async Task No_consent_closes_the_application_whether_refused_or_lapsed()
    {
        var refused = await NotifiedAsync();
        Assert.Equal("ClosedWithoutMediation", (await workflow.ActAsync(refused, "recordRefusal", new { reason = "Prefers court." })).GetProperty("state").GetString());

        var lapsed = await NotifiedAsync();
        var closed = await workflow.ActAsync(lapsed, "closeForNoConsent", roles: "Supervisor");
        Assert.Equal("ClosedWithoutMediation", closed.GetProperty("state").GetString());
        Assert.Equal("Stopped", (await workflow.ClockAsync(lapsed, "RespondentConsent"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_mediator_linked_to_a_party_cannot_be_assigned()
    {
        var link = await workflow.Anyone().PostAsJsonAsync("/api/conflict-links", new { person = "Mediator Lam", partyName = "Macau Light Trading Ltd.", relationship = "Former legal adviser" });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        var id = await NotifiedAsync();
        await workflow.ActAsync(id, "recordConsent", new { receivedOn = "2026-03-05" });

        var response = await workflow.TryAsync(id, "assignMediator", new { mediator = "mediator lam" }, roles: "CentreAdmin");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rule = (await Workflow.ProblemAsync(response)).GetProperty("brokenRules")[0];
        Assert.Equal("NeutralMustHaveNoLinkToEitherPartyRule", rule.GetProperty("rule").GetString());
        Assert.Contains("Macau Light Trading Ltd. (Former legal adviser)", rule.GetProperty("message").GetString());
        Assert.Equal("AwaitingMediator", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task Failed_mediation_goes_to_arbitration_only_with_an_agreement_and_ends_in_an_award()
    {
        var id = await InMediationAsync("Mediator Ho");
        await workflow.ActAsync(id, "recordFailure", new { reason = "No agreement on the amount." }, roles: "Mediator");

        var without = await workflow.TryAsync(id, "referToArbitration", new { arbitrationAgreement = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, without.StatusCode);
        await workflow.ActAsync(id, "referToArbitration", new { arbitrationAgreement = true }, roles: "CaseHandler");
        await workflow.ActAsync(id, "formForeignRelatedTribunal", new { arbitrator = "Arbitrator Sousa", foreignRelatedParty = "Macau Light Trading Ltd." }, roles: "CentreAdmin");
        Assert.Equal("Running", (await workflow.ClockAsync(id, "ForeignRelatedAward"))!.Value.GetProperty("status").GetString());
        Assert.Null(await workflow.ClockAsync(id, "DomesticAward"));
        await workflow.ActAsync(id, "holdHearing", new { hearingDate = "2026-05-12" }, roles: "Arbitrator");
        var awarded = await workflow.ActAsync(id, "renderAward", new { awardDate = "2026-06-30", summary = "Respondent pays CNY 1.2 million." }, roles: "Arbitrator");

        Assert.Equal("Awarded", awarded.GetProperty("state").GetString());
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "ForeignRelatedAward"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_arbitration_application_starts_at_arbitration_and_a_mediation_one_cannot_skip_mediation()
    {
        var arbitration = await workflow.FileAsync(Filings.Mediation("Arbitration"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await workflow.TryAsync(arbitration, "notifyRespondent")).StatusCode);
        await workflow.ActAsync(arbitration, "acceptArbitration", new { arbitrationAgreement = true }, roles: "IntakeOfficer");
        await workflow.ActAsync(arbitration, "formTribunal", new { arbitrator = "Arbitrator Liang" }, roles: "Supervisor");
        Assert.Equal("Running", (await workflow.ClockAsync(arbitration, "DomesticAward"))!.Value.GetProperty("status").GetString());

        var mediation = await workflow.FileAsync(Filings.Mediation());
        var skip = await workflow.TryAsync(mediation, "acceptArbitration", new { arbitrationAgreement = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, skip.StatusCode);
        Assert.Equal("CaseMustBeOfKindRule", (await Workflow.ProblemAsync(skip)).GetProperty("brokenRules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_failed_mediation_without_arbitration_closes_and_an_application_can_be_withdrawn()
    {
        var id = await InMediationAsync("Mediator Wong");
        await workflow.ActAsync(id, "recordFailure", new { reason = "Positions too far apart." }, roles: "Mediator");
        Assert.Equal("ClosedWithoutAgreement", (await workflow.ActAsync(id, "closeWithoutAgreement")).GetProperty("state").GetString());

        // Filed by a key enterprise, which then withdraws its own application.
        var withdrawn = await NotifiedAsync(throughEnterprise: true);
        Assert.Equal("Withdrawn", (await workflow.ActAsync(withdrawn, "withdrawApplication", new { reason = "Paid in full." }, roles: "EnterpriseUser")).GetProperty("state").GetString());

        var agreed = await InMediationAsync("Mediator Yu");
        await workflow.ActAsync(agreed, "recordAgreement", new { agreementDate = "2026-03-24", terms = "Licence signed." }, roles: "Mediator");
        Assert.Equal("ClosedByAgreement", (await workflow.ActAsync(agreed, "closeWithAgreement")).GetProperty("state").GetString());
    }

    private async Task<Guid> NotifiedAsync(bool throughEnterprise = false)
    {
        var id = throughEnterprise ? await workflow.FileThroughEnterpriseAsync(Filings.Mediation()) : await workflow.FileAsync(Filings.Mediation());
        await workflow.ActAsync(id, "notifyRespondent", roles: "IntakeOfficer");
        Assert.Equal("Running", (await workflow.ClockAsync(id, "RespondentConsent"))!.Value.GetProperty("status").GetString());
        return id;
    }

    private async Task<Guid> InMediationAsync(string mediator)
    {
        var id = await NotifiedAsync();
        await workflow.ActAsync(id, "recordConsent", new { receivedOn = "2026-03-05" });
        await workflow.ActAsync(id, "assignMediator", new { mediator }, roles: "CentreAdmin");
        return id;
    }
}
