namespace Cases.Api.Tests;

/// <summary>Fast-track patent pre-examination (专利快速预审): every branch through the HTTP API.</summary>
public sealed class FastTrackPipelineTests(CasesApi api) : IClassFixture<CasesApi>, IAsyncLifetime
{
    private readonly Workflow workflow = new(api);

    public async Task InitializeAsync()
    {
        var response = await workflow.Anyone().PutAsJsonAsync("/api/centres/GD/pre-examination", new
        {
            technicalScope = new[] { "G02B", "H04N 5" },
            registeredApplicants = new[] { new { name = Filings.ApplicantName, identifier = "91440400MA4UXXXX2B" } },
        });
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Eligible_corrected_passed_submitted_and_granted_with_date_and_type()
    {
        // Filed by a key enterprise, which then submits the corrections on its own case.
        var id = await workflow.FileThroughEnterpriseAsync(Filings.FastTrack());
        await workflow.ActAsync(id, "confirmEligibility", new { ipcClass = "G02B 13/00", pctNationalPhase = false }, roles: "IntakeOfficer");
        Assert.Equal("Running", (await workflow.ClockAsync(id, "PreExamination"))!.Value.GetProperty("status").GetString());

        await workflow.ActAsync(id, "requestCorrections", new { deficiencies = "Claim 3 lacks antecedent basis." }, roles: "CaseHandler");
        Assert.Equal("Paused", (await workflow.ClockAsync(id, "PreExamination"))!.Value.GetProperty("status").GetString());
        Assert.Equal("Running", (await workflow.ClockAsync(id, "CorrectionsResponse"))!.Value.GetProperty("status").GetString());
        await workflow.ActAsync(id, "submitCorrections", new { corrections = "Claim 3 amended." }, roles: "EnterpriseUser");
        Assert.Equal("Running", (await workflow.ClockAsync(id, "PreExamination"))!.Value.GetProperty("status").GetString());

        await workflow.ActAsync(id, "confirmFormalities", roles: "CaseHandler");
        await workflow.ActAsync(id, "passPreExamination", roles: "CaseHandler");
        await workflow.ActAsync(id, "submitToCnipa", new { cnipaApplicationNumber = "202610123456.7" }, roles: "CaseHandler");
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND recipient = 'CNIPA' AND type = 'PreExaminedApplicationSubmitted'", id));

        var future = await workflow.TryAsync(id, "recordGrant", new { grantDate = "2026-12-01", patentType = "Invention" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("must lie between the filing date 2026-03-02", (await Workflow.ProblemAsync(future)).GetProperty("brokenRules")[0].GetProperty("message").GetString());
        var granted = await workflow.ActAsync(id, "recordGrant", new { grantDate = "2026-03-02", patentType = "Invention" }, roles: "CaseHandler");

        Assert.Equal("Granted", granted.GetProperty("state").GetString());
        Assert.Equal(("2026-03-02", "Invention", "G02B 13/00"), (
            granted.GetProperty("facts").GetProperty("grantDate").GetString(),
            granted.GetProperty("facts").GetProperty("patentType").GetString(),
            granted.GetProperty("facts").GetProperty("ipcClass").GetString()));
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "CnipaDecision"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Eligibility_lists_every_broken_condition()
    {
        var stranger = Filings.FastTrack();
        stranger["parties"] = new object[] { new { role = "Applicant", kind = "Person", name = "Unregistered Inventor", identifier = (string?)null, email = (string?)null, phone = (string?)null, address = (string?)null } };
        var id = await workflow.FileAsync(stranger);

        var response = await workflow.TryAsync(id, "confirmEligibility", new { ipcClass = "A61K 31/00", pctNationalPhase = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rules = (await Workflow.ProblemAsync(response)).GetProperty("brokenRules").EnumerateArray().Select(rule => rule.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["ApplicantMustBeRegisteredWithTheCentreRule", "TechnicalFieldMustBeWithinTheCentreScopeRule", "ApplicationMustNotBeAPctNationalPhaseRule"], rules);
        var refused = await workflow.ActAsync(id, "refuseAsIneligible", new { reason = "Not registered; field outside scope; PCT national phase." }, roles: "IntakeOfficer");
        Assert.Equal("Ineligible", refused.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Not_passed_closes_with_reasons_and_rejected_records_the_date()
    {
        var failed = await PreExaminationAsync();
        var closed = await workflow.ActAsync(failed, "failPreExamination", new { reason = "Claims lack novelty over CN1234567A." });
        Assert.Equal("NotPassed", closed.GetProperty("state").GetString());
        Assert.Equal("Claims lack novelty over CN1234567A.", (await workflow.TimelineAsync(failed)).EnumerateArray().Last().GetProperty("reason").GetString());

        var rejected = await PreExaminationAsync();
        await workflow.ActAsync(rejected, "passPreExamination");
        await workflow.ActAsync(rejected, "submitToCnipa");
        var done = await workflow.ActAsync(rejected, "recordRejection", new { rejectionDate = "2026-03-02", reason = "Lack of inventive step." });
        Assert.Equal(("Rejected", "2026-03-02"), (done.GetProperty("state").GetString(), done.GetProperty("facts").GetProperty("rejectionDate").GetString()));
    }

    [Fact]
    public async Task Unanswered_corrections_treat_the_application_as_withdrawn()
    {
        var id = await PreExaminationAsync();
        await workflow.ActAsync(id, "requestCorrections", new { deficiencies = "Drawings missing." });

        var withdrawn = await workflow.ActAsync(id, "treatAsWithdrawn", new { reason = "No answer to the corrections notice." }, roles: "Supervisor");

        Assert.Equal("Withdrawn", withdrawn.GetProperty("state").GetString());
        Assert.Equal("Stopped", (await workflow.ClockAsync(id, "PreExamination"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_scope_entry_is_400_naming_it()
    {
        var response = await workflow.Anyone().PutAsJsonAsync("/api/centres/GD/pre-examination", new { technicalScope = new[] { "G02B", "optics" }, registeredApplicants = Array.Empty<object>() });
        var unknown = await workflow.Anyone().PutAsJsonAsync("/api/centres/GD-ZZ/pre-examination", new { technicalScope = new[] { "G02B" }, registeredApplicants = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Workflow.ProblemAsync(response)).GetProperty("errors").TryGetProperty("technicalScope[1]", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<Guid> PreExaminationAsync()
    {
        var id = await workflow.FileAsync(Filings.FastTrack());
        await workflow.ActAsync(id, "confirmEligibility", new { ipcClass = "H04N 5/232", pctNationalPhase = false });
        await workflow.ActAsync(id, "confirmFormalities");
        return id;
    }
}
