namespace Cases.Api.Tests;

/// <summary>
/// The staff dashboard's lists, read from the workflow definitions and the caller's scope: my work
/// (cases a role of mine can move now, at my centre) and the referrals awaiting my centre's answer.
/// Each test works at centres of its own, so the lists hold exactly what it filed.
/// </summary>
public sealed class StaffDashboardTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task My_work_holds_my_centres_open_cases_where_one_of_my_roles_can_act_now_with_those_actions()
    {
        var waiting = await workflow.FileAsync(Filings.RightsDefence("GX", "Counterfeit lamps at a night market"));
        var mediation = await workflow.FileAsync(Filings.Mediation(centre: "GX"));
        var refused = await workflow.FileAsync(Filings.RightsDefence("GX"));
        await workflow.ActAsync(refused, "refuseCase", new { reason = "No infringement alleged" });
        var elsewhere = await workflow.FileAsync(Filings.RightsDefence("HI"));

        var dashboard = await DashboardAsync(api.ClientAs(api, "gx.intake", "IntakeOfficer", "GX"));

        Assert.Equal("GX", dashboard.GetProperty("centre").GetString());
        Assert.Equal(2, dashboard.GetProperty("myWorkCount").GetInt32());
        var work = Items(dashboard, "myWork");
        // Neither the refused case (its workflow has ended) nor another centre's.
        Assert.Equal(new HashSet<Guid> { waiting, mediation }, work.Keys.ToHashSet());
        Assert.DoesNotContain(refused, work.Keys);
        Assert.DoesNotContain(elsewhere, work.Keys);
        Assert.Equal(["acceptCase", "refuseCase", "referCase", "withdrawComplaint"], work[waiting]);
        Assert.Contains("notifyRespondent", work[mediation]);
        Assert.Equal(0, dashboard.GetProperty("referralsAwaitingAcceptanceCount").GetInt32());
    }

    [Fact]
    public async Task A_role_with_nothing_to_do_at_a_step_has_no_work_there()
    {
        var filed = await workflow.FileAsync(Filings.RightsDefence("GZ"));

        // A mediator acts only once a case is in mediation; a received complaint is not theirs.
        var mediator = await DashboardAsync(api.ClientAs(api, "gz.mediator", "Mediator", "GZ"));
        var handler = await DashboardAsync(api.ClientAs(api, "gz.handler", "CaseHandler", "GZ"));

        Assert.Equal(0, mediator.GetProperty("myWorkCount").GetInt32());
        Assert.Contains(filed, Items(handler, "myWork").Keys);
    }

    [Fact]
    public async Task A_referral_waits_for_the_receiving_centre_until_it_accepts()
    {
        var referred = await workflow.FileAsync(Filings.RightsDefence("HN", "Pumps sold in Jiangxi"));
        await workflow.ActAsync(referred, "referCase", new { centre = "JX", infringementRegion = "JX", reason = "The infringement is in Jiangxi" });
        var receiving = api.ClientAs(api, "jx.intake", "IntakeOfficer", "JX");

        var atReceiver = await DashboardAsync(receiving);
        var atSender = await DashboardAsync(api.ClientAs(api, "hn.intake", "IntakeOfficer", "HN"));
        var everywhere = await DashboardAsync(api.ClientAs(api, "dashboard.admin", "SystemAdmin"));

        Assert.Equal(1, atReceiver.GetProperty("referralsAwaitingAcceptanceCount").GetInt32());
        Assert.Equal(["acceptReferral", "declineReferral"], Items(atReceiver, "referralsAwaitingAcceptance")[referred]);
        Assert.Contains(referred, Items(atReceiver, "myWork").Keys);
        Assert.Equal(0, atSender.GetProperty("referralsAwaitingAcceptanceCount").GetInt32());
        Assert.Null(everywhere.GetProperty("centre").GetString());
        Assert.Contains(referred, Items(everywhere, "referralsAwaitingAcceptance").Keys);

        var accepted = await receiving.PostAsJsonAsync($"/api/cases/{referred}/actions/acceptReferral", new { payload = new { } });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var afterwards = await DashboardAsync(receiving);
        Assert.Equal(0, afterwards.GetProperty("referralsAwaitingAcceptanceCount").GetInt32());
        // Now the receiving centre handles it: accepting or refusing the complaint is its work.
        Assert.Equal(["acceptCase", "refuseCase", "referCase", "withdrawComplaint"], Items(afterwards, "myWork")[referred]);
    }

    [Fact]
    public async Task A_limit_shortens_the_lists_but_not_their_counts()
    {
        await workflow.FileAsync(Filings.RightsDefence("YN"));
        await workflow.FileAsync(Filings.RightsDefence("YN"));
        var client = api.ClientAs(api, "yn.intake", "IntakeOfficer", "YN");

        var dashboard = await DashboardAsync(client, "?limit=1");

        Assert.Equal(2, dashboard.GetProperty("myWorkCount").GetInt32());
        Assert.Single(Items(dashboard, "myWork"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases/dashboard?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/cases/dashboard?limit=101")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_is_for_the_centres_staff_not_for_an_enterprises_users()
    {
        var enterprise = await TestEnterprises.RegisterAsync(workflow.Anyone(), "GD", $"Dashboard enterprise {Guid.NewGuid():N}");

        var response = await api.ClientAs(api, $"enterprise-user.{enterprise}", "EnterpriseUser", enterprise: enterprise).GetAsync("/api/cases/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/cases/dashboard" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A list's cases by id, each with the actions the caller can take on it.</summary>
    private static Dictionary<Guid, List<string>> Items(JsonElement dashboard, string list) =>
        dashboard.GetProperty(list).EnumerateArray().ToDictionary(
            item => item.GetProperty("case").GetProperty("id").GetGuid(),
            item => item.GetProperty("actions").EnumerateArray().Select(action => action.GetString()!).ToList());
}
