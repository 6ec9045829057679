using System.Net.Http.Headers;

namespace Cases.Api.Tests;

/// <summary>
/// Key enterprises (重点企业) and the direct channel (直通车): registration against the criteria,
/// enterprise users created through the API, filing with a personal access token, the reduced
/// view without internal notes, and withdrawal stopping the enterprise's tokens and sign-ins.
/// </summary>
public sealed class KeyEnterpriseTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string Password = "Direct-Channel-2026";
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task An_enterprise_that_is_neither_high_tech_nor_holds_30_patents_and_trademarks_is_refused_naming_the_rule()
    {
        var registration = TestEnterprises.Registration("GD", "Small Workshop Co., Ltd.");
        registration["highTechEnterprise"] = false;
        registration["highTechCertificateNumber"] = null;
        registration["patentsAndTrademarks"] = 29;

        var response = await CentreAdmin("GD").PostAsJsonAsync("/api/enterprises", registration);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("EnterpriseMustQualifyAsKeyEnterpriseRule", (await Workflow.ProblemAsync(response)).GetProperty("brokenRules")[0].GetProperty("rule").GetString());

        registration["patentsAndTrademarks"] = 30;
        registration["unifiedSocialCreditCode"] = TestEnterprises.NewCreditCode();
        Assert.Equal(HttpStatusCode.Created, (await CentreAdmin("GD").PostAsJsonAsync("/api/enterprises", registration)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_credit_code_breaks_its_rule_a_registered_one_conflicts_and_another_centre_is_not_found()
    {
        var code = TestEnterprises.NewCreditCode();
        var mistyped = code[..^1] + (code[^1] == '0' ? '1' : '0');
        var wrong = await CentreAdmin("GD").PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("GD", "Mistyped Co.", mistyped));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("UnifiedSocialCreditCodeMustBeValidRule", (await Workflow.ProblemAsync(wrong)).GetProperty("brokenRules")[0].GetProperty("rule").GetString());

        Assert.Equal(HttpStatusCode.Created, (await CentreAdmin("GD").PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("GD", "First Co.", code))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CentreAdmin("GD").PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("GD", "Second Co.", code))).StatusCode);

        var elsewhere = await CentreAdmin("GD").PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("HK", "Harbour Co."));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var handler = await workflow.As("handler.gd", "CaseHandler", centre: "GD").PostAsJsonAsync("/api/enterprises", TestEnterprises.Registration("GD", "Handler Co."));
        Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
    }

    [Fact]
    public async Task Filing_with_a_personal_access_token_makes_a_priority_case_of_the_enterprise_at_its_centre()
    {
        var enterprise = await TestEnterprises.RegisterAsync(CentreAdmin("GX"), "GX", "Guilin Optics Co., Ltd.");
        var token = await PersonalAccessTokenAsync(enterprise, "guilin.filer");
        var integration = Bearer(token);

        var filing = Filings.RightsDefence(centre: "GX");
        filing.Remove("centre");
        var response = await integration.PostAsJsonAsync("/api/cases", filing);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GX", filed.GetProperty("centre").GetString());
        Assert.True(filed.GetProperty("priority").GetBoolean());
        Assert.Equal(enterprise, filed.GetProperty("enterprise").GetGuid());
        Assert.StartsWith("GX-", filed.GetProperty("number").GetString());

        // Staff see the same case with its enterprise, in their full view.
        var staffView = await workflow.As("intake.gx", "IntakeOfficer", centre: "GX").GetFromJsonAsync<JsonElement>($"/api/cases/{filed.GetProperty("id").GetGuid()}");
        Assert.Equal(enterprise, staffView.GetProperty("enterprise").GetGuid());
        Assert.True(staffView.TryGetProperty("facts", out _));

        // The key-enterprise case runs to the shorter internal target of priority cases (3 working days to accept, not 5); a staff-filed one has none.
        var target = (await workflow.DeadlineAsync(filed.GetProperty("id").GetGuid(), "AcceptanceDecision")).GetProperty("targetAt");
        Assert.Equal(JsonValueKind.String, target.ValueKind);
        var ordinary = await workflow.FileAsync(Filings.RightsDefence(centre: "GX"));
        Assert.Equal(JsonValueKind.Null, (await workflow.DeadlineAsync(ordinary, "AcceptanceDecision")).GetProperty("targetAt").ValueKind);
    }

    [Fact]
    public async Task An_enterprise_naming_another_centre_breaks_the_direct_channel_rule()
    {
        var enterprise = await TestEnterprises.RegisterAsync(CentreAdmin("GD"), "GD", "Shenzhen Drones Co., Ltd.");
        var user = workflow.As($"drones.{enterprise}", "EnterpriseUser", enterprise: enterprise);

        var response = await user.PostAsJsonAsync("/api/cases", Filings.RightsDefence(centre: "HK"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("DirectChannelCaseMustBeFiledWithTheEnterprisesCentreRule", (await Workflow.ProblemAsync(response)).GetProperty("brokenRules")[0].GetProperty("rule").GetString());
        Assert.Equal(0, await workflow.CountAsync("SELECT count(*) FROM cases WHERE enterprise_id = @id", enterprise));
    }

    [Fact]
    public async Task The_enterprise_sees_its_case_reduced_without_internal_notes_facts_staff_names_or_the_other_partys_contact()
    {
        var enterprise = await TestEnterprises.RegisterAsync(CentreAdmin("GD"), "GD", "Lingnan Clean Air Technology Co., Ltd.");
        var own = workflow.As($"lingnan.{enterprise}", "EnterpriseUser", enterprise: enterprise);
        var filing = Filings.RightsDefence();
        filing["parties"] = new object[]
        {
            new { role = "Complainant", kind = "Organisation", name = "Lingnan Clean Air Technology Co., Ltd.", identifier = "91440101MA59XXXX1K", email = "legal@lingnan.example", phone = "+86 20 8888 0000", address = "Guangzhou" },
            new { role = "Respondent", kind = "Organisation", name = "Pearl River Trading Co., Ltd.", identifier = "91440300RESPOND01X", email = "boss@pearl.example", phone = "+86 755 1234 5678", address = "Shenzhen Futian" },
        };
        var filed = await own.PostAsJsonAsync("/api/cases", filing);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var handler = workflow.As("handler.gd", "CaseHandler", centre: "GD");
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" }, roles: "CaseHandler");
        var note = await handler.PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Respondent's counsel is a former colleague; keep an eye." });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal("InternalNoteAdded", (await note.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        var priority = await handler.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = false, reason = "Triage: ordinary after all." });
        Assert.Equal(HttpStatusCode.Forbidden, priority.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await workflow.As("intake.gd", "IntakeOfficer", centre: "GD").PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = false, reason = "Triage: ordinary after all." })).StatusCode);

        // Staff see the note and who wrote it.
        var staffTimeline = await handler.GetStringAsync($"/api/cases/{id}/timeline");
        Assert.Contains("former colleague", staffTimeline);
        Assert.Contains("handler.gd", staffTimeline);

        var caseText = await own.GetStringAsync($"/api/cases/{id}");
        var view = JsonDocument.Parse(caseText).RootElement;
        Assert.False(view.TryGetProperty("facts", out _));
        Assert.DoesNotContain("former colleague", caseText);
        Assert.DoesNotContain("boss@pearl.example", caseText);
        Assert.DoesNotContain("Shenzhen Futian", caseText);
        Assert.DoesNotContain("91440300RESPOND01X", caseText);
        Assert.DoesNotContain("1234 5678", caseText);
        var parties = view.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal("Pearl River Trading Co., Ltd.", parties[1].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, parties[1].GetProperty("contact").ValueKind);
        Assert.Equal("legal@lingnan.example", parties[0].GetProperty("contact").GetProperty("email").GetString());

        var timelineText = await own.GetStringAsync($"/api/cases/{id}/timeline");
        var events = JsonDocument.Parse(timelineText).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.DoesNotContain("former colleague", timelineText);
        Assert.DoesNotContain(events, @event => @event.GetProperty("type").GetString() is "InternalNoteAdded" or "CasePriorityChanged");
        Assert.DoesNotContain("tester.", timelineText);
        Assert.DoesNotContain("handler.gd", timelineText);
        Assert.Equal($"lingnan.{enterprise}", events[0].GetProperty("actor").GetString());
        var accepted = events.Single(@event => @event.GetProperty("type").GetString() == "CaseAccepted");
        Assert.Equal("centre staff", accepted.GetProperty("actor").GetString());
        // Where the case went, not the fields staff entered on the way.
        Assert.Equal("AwaitingService", accepted.GetProperty("data").GetProperty("to").GetString());
        Assert.False(accepted.GetProperty("data").TryGetProperty("infringementRegion", out _));
        Assert.Contains("infringementRegion", staffTimeline);

        // The enterprise can take the actions its role allows, on its own case, and sees the result reduced.
        var withdrawn = await own.PostAsJsonAsync($"/api/cases/{id}/actions/withdrawComplaint", new { payload = new { reason = "Settled privately." } });
        var withdrawnText = await withdrawn.Content.ReadAsStringAsync();
        Assert.True(withdrawn.StatusCode == HttpStatusCode.OK, withdrawnText);
        Assert.DoesNotContain("boss@pearl.example", withdrawnText);
        Assert.DoesNotContain("\"facts\"", withdrawnText);
        // Notes are for staff only.
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Hello" })).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_enterprise_token_gets_401_and_its_user_cannot_sign_in()
    {
        var enterprise = await TestEnterprises.RegisterAsync(CentreAdmin("FJ"), "FJ", "Xiamen Tea Machinery Co., Ltd.");
        var token = await PersonalAccessTokenAsync(enterprise, "xiamen.filer");
        var integration = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/cases")).StatusCode);

        var supervisor = workflow.As("supervisor.fj", "Supervisor", centre: "FJ");
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/enterprises/{enterprise}/withdrawal", new { reason = "" })).StatusCode);
        var withdrawal = await supervisor.PostAsJsonAsync($"/api/enterprises/{enterprise}/withdrawal", new { reason = "No longer a high-tech enterprise." });
        Assert.Equal(HttpStatusCode.OK, withdrawal.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.PostAsJsonAsync("/api/cases", Filings.RightsDefence(centre: "FJ"))).StatusCode);
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "xiamen.filer", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        var again = await supervisor.PostAsJsonAsync($"/api/enterprises/{enterprise}/withdrawal", new { reason = "Twice." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("KeyEnterpriseMustNotAlreadyBeWithdrawnRule", (await Workflow.ProblemAsync(again)).GetProperty("brokenRules")[0].GetProperty("rule").GetString());
        var newUser = await CentreAdmin("FJ").PostAsJsonAsync($"/api/enterprises/{enterprise}/users", new { userName = "xiamen.late", displayName = "Late", password = Password });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, newUser.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_enterprise_users_sign_in_cookie_stops_working()
    {
        var enterprise = await TestEnterprises.RegisterAsync(CentreAdmin("JX"), "JX", "Jingdezhen Porcelain Co., Ltd.");
        var created = await CentreAdmin("JX").PostAsJsonAsync($"/api/enterprises/{enterprise}/users", new { userName = "porcelain.clerk", displayName = "Clerk", password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var browser = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/signin");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "<input name=\"(__RequestVerificationToken)\" type=\"hidden\" value=\"([^\"]+)\"");
        var signedIn = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [System.Net.WebUtility.HtmlDecode(antiforgery.Groups[1].Value)] = System.Net.WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["username"] = "porcelain.clerk",
            ["password"] = Password,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/cases")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.Admin().PostAsJsonAsync($"/api/enterprises/{enterprise}/withdrawal", new { reason = "Left the province." })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Enterprises_are_listed_and_read_within_scope_only()
    {
        var gd = await TestEnterprises.RegisterAsync(CentreAdmin("GD"), "GD", "Foshan Ceramics Co., Ltd.");
        var hk = await TestEnterprises.RegisterAsync(CentreAdmin("HK"), "HK", "Kowloon Robotics Ltd.");

        var gdStaff = workflow.As("intake.gd", "IntakeOfficer", centre: "GD");
        var listed = (await gdStaff.GetFromJsonAsync<JsonElement>("/api/enterprises")).EnumerateArray().Select(entry => entry.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(gd, listed);
        Assert.DoesNotContain(hk, listed);
        Assert.Equal(HttpStatusCode.NotFound, (await gdStaff.GetAsync($"/api/enterprises/{hk}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CentreAdmin("GD").PostAsJsonAsync($"/api/enterprises/{hk}/users", new { userName = "kowloon.x", displayName = "X", password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CentreAdmin("GD").PostAsJsonAsync($"/api/enterprises/{hk}/withdrawal", new { reason = "Not ours." })).StatusCode);

        var hkUser = workflow.As($"kowloon.{hk}", "EnterpriseUser", enterprise: hk);
        Assert.Equal([hk], (await hkUser.GetFromJsonAsync<JsonElement>("/api/enterprises")).EnumerateArray().Select(entry => entry.GetProperty("id").GetGuid()).ToList());
        Assert.Equal(HttpStatusCode.NotFound, (await hkUser.GetAsync($"/api/enterprises/{gd}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hkUser.GetAsync($"/api/enterprises/{hk}")).StatusCode);

        var all = (await api.Admin().GetFromJsonAsync<JsonElement>("/api/enterprises")).EnumerateArray().Select(entry => entry.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(gd, all);
        Assert.Contains(hk, all);
    }

    private HttpClient CentreAdmin(string centre) => workflow.As($"admin.{centre.ToLowerInvariant()}", "CentreAdmin", centre: centre);

    private HttpClient Bearer(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates the enterprise's user through the API, signs in with the password, and creates a personal access token.</summary>
    private async Task<string> PersonalAccessTokenAsync(Guid enterprise, string userName)
    {
        var centre = (await api.Admin().GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterprise}")).GetProperty("centre").GetString()!;
        var created = await CentreAdmin(centre).PostAsJsonAsync($"/api/enterprises/{enterprise}/users", new { userName, displayName = "ERP integration owner", password = Password });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal(enterprise, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enterprise").GetGuid());

        var signIn = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = userName, password = Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        var session = Bearer((await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);

        var pat = await session.PostAsJsonAsync("/api/tokens", new { name = "ERP integration" });
        Assert.True(pat.StatusCode == HttpStatusCode.Created, await pat.Content.ReadAsStringAsync());
        return (await pat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
