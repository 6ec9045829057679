using System.Net.Http.Headers;

namespace Cases.Api.Tests;

/// <summary>
/// Every way into a case honours the caller's scope (数据范围): staff of GD and HK and users of two
/// key enterprises, created through the API, try each other's cases — read, timeline, diagram,
/// actions, deadlines, act, priority, notes, the lists — and get 404 with nothing changed, exactly
/// as for a case that does not exist. A referral makes the case visible to the receiving centre.
/// </summary>
public sealed class AccessScopeTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string Password = "Scope-Checked-2026";
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Another_centres_staff_get_404_for_every_access_to_a_case_and_nothing_changes()
    {
        var gd = await StaffAsync("GD");
        var hk = await StaffAsync("HK");
        var id = await FileAsync(gd, Filings.RightsDefence(centre: "GD", title: "GD only: counterfeit kettles"));
        var before = await SnapshotAsync(id);

        await AssertInvisibleAsync(hk, id);

        // The lists: HK's unfiltered queue leaves GD's case out; naming GD's queue is naming a centre that does not exist for HK.
        Assert.DoesNotContain(id, await ListedAsync(hk, "/api/cases?pageSize=100"));
        var filtered = await hk.GetAsync("/api/cases?centre=GD");
        Assert.Equal(HttpStatusCode.NotFound, filtered.StatusCode);
        Assert.Equal("Centre 'GD' was not found.", (await Workflow.ProblemAsync(filtered)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await hk.GetAsync("/api/deadlines?state=due-soon&centre=GD")).StatusCode);
        var hkDeadlines = await hk.GetFromJsonAsync<JsonElement>("/api/deadlines?state=due-soon&limit=500");
        Assert.Equal("HK", hkDeadlines.GetProperty("centre").GetString());
        Assert.DoesNotContain(hkDeadlines.GetProperty("items").EnumerateArray(), item => item.GetProperty("caseId").GetGuid() == id);

        // Filing at another centre: that centre does not exist for the filer.
        var elsewhere = await hk.PostAsJsonAsync("/api/cases", Filings.RightsDefence(centre: "GD"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("Centre 'GD' was not found.", (await Workflow.ProblemAsync(elsewhere)).GetProperty("detail").GetString());

        Assert.Equal(before, await SnapshotAsync(id));
        // GD's own staff see and list it.
        Assert.Equal(HttpStatusCode.OK, (await gd.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Contains(id, await ListedAsync(gd, "/api/cases?centre=GD&pageSize=100"));
        Assert.Contains(id, await ListedAsync(gd, "/api/cases?pageSize=100"));
    }

    [Fact]
    public async Task Another_enterprises_user_gets_404_for_every_access_and_sees_only_its_own_cases()
    {
        var first = await EnterpriseUserAsync("GD", "Dongguan Toys Co., Ltd.");
        var second = await EnterpriseUserAsync("GD", "Zhongshan Lighting Co., Ltd.");
        var staff = await StaffAsync("GD");
        var firstCase = await FileAsync(first.Client, Without(Filings.RightsDefence(title: "Copied toy designs"), "centre"));
        var secondCase = await FileAsync(second.Client, Without(Filings.RightsDefence(title: "Copied lamp designs"), "centre"));
        var staffCase = await FileAsync(staff, Filings.RightsDefence(title: "A staff-filed case"));
        var before = await SnapshotAsync(firstCase);

        await AssertInvisibleAsync(second.Client, firstCase, action: "withdrawComplaint", payload: new { reason = "Not mine to withdraw." });
        await AssertInvisibleAsync(first.Client, staffCase, action: "withdrawComplaint", payload: new { reason = "Not ours either." });
        Assert.Equal(before, await SnapshotAsync(firstCase));

        Assert.Equal([secondCase], await ListedAsync(second.Client, "/api/cases?pageSize=100"));
        Assert.Equal([firstCase], await ListedAsync(first.Client, "/api/cases?pageSize=100"));
        Assert.All((await second.Client.GetFromJsonAsync<JsonElement>("/api/deadlines?state=due-soon")).GetProperty("items").EnumerateArray(),
            item => Assert.Equal(secondCase, item.GetProperty("caseId").GetGuid()));

        // The centre's staff see both enterprises' cases.
        var listed = await ListedAsync(staff, "/api/cases?pageSize=100");
        Assert.Contains(firstCase, listed);
        Assert.Contains(secondCase, listed);
    }

    [Fact]
    public async Task A_case_referred_from_GD_to_HK_becomes_visible_to_HK_staff()
    {
        var gd = await StaffAsync("GD");
        var hk = await StaffAsync("HK");
        var id = await FileAsync(gd, Filings.RightsDefence(title: "Sold in Kowloon"));
        Assert.Equal(HttpStatusCode.NotFound, (await hk.GetAsync($"/api/cases/{id}")).StatusCode);

        var referred = await gd.PostAsJsonAsync($"/api/cases/{id}/actions/referCase", new { payload = new { centre = "HK", infringementRegion = "HK", reason = "The seller trades in Kowloon." } });
        Assert.True(referred.StatusCode == HttpStatusCode.OK, await referred.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await hk.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Contains(id, await ListedAsync(hk, "/api/cases?centre=HK&pageSize=100"));

        // Seeing is not handling: HK may not act for GD before taking the case over, nor GD accept for HK.
        var hkActsForGd = await hk.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = "Urgent in Kowloon." });
        Assert.Equal(HttpStatusCode.Forbidden, hkActsForGd.StatusCode);
        Assert.Contains("handled by GD", (await Workflow.ProblemAsync(hkActsForGd)).GetProperty("detail").GetString());
        var gdAcceptsForHk = await gd.PostAsJsonAsync($"/api/cases/{id}/actions/acceptReferral", new { payload = new { } });
        Assert.Equal(HttpStatusCode.Forbidden, gdAcceptsForHk.StatusCode);
        Assert.Contains("referred to (HK)", (await Workflow.ProblemAsync(gdAcceptsForHk)).GetProperty("detail").GetString());

        var accepted = await hk.PostAsJsonAsync($"/api/cases/{id}/actions/acceptReferral", new { payload = new { } });
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        Assert.Equal("HK", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("handlingCentre").GetString());

        // GD filed it and still reads it, but HK handles it now.
        Assert.Equal(HttpStatusCode.OK, (await gd.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gd.PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Still ours?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await hk.PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Ours now." })).StatusCode);
    }

    [Fact]
    public async Task A_missing_case_and_an_invisible_one_get_the_same_answer()
    {
        var gd = await StaffAsync("GD");
        var hk = await StaffAsync("HK");
        var id = await FileAsync(gd, Filings.RightsDefence(title: "Same answer"));
        var missing = Guid.CreateVersion7();

        var invisible = await hk.GetAsync($"/api/cases/{id}");
        var absent = await hk.GetAsync($"/api/cases/{missing}");

        Assert.Equal(absent.StatusCode, invisible.StatusCode);
        Assert.Equal(
            (await Workflow.ProblemAsync(absent)).GetProperty("detail").GetString()!.Replace(missing.ToString(), "{id}", StringComparison.Ordinal),
            (await Workflow.ProblemAsync(invisible)).GetProperty("detail").GetString()!.Replace(id.ToString(), "{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Centre_settings_and_conflict_links_need_the_right_people()
    {
        var body = new { technicalScope = new[] { "G02B" }, registeredApplicants = Array.Empty<object>() };
        var gdAdmin = workflow.As("scope.admin.gd", "CentreAdmin", centre: "GD");
        Assert.Equal(HttpStatusCode.NotFound, (await gdAdmin.PutAsJsonAsync("/api/centres/HK/pre-examination", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workflow.As("scope.handler.gd", "CaseHandler", centre: "GD").PutAsJsonAsync("/api/centres/GD/pre-examination", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gdAdmin.PutAsJsonAsync("/api/centres/GD/pre-examination", body)).StatusCode);

        var link = new { person = "Mediator Chan", partyName = "Kowloon Trading Ltd.", relationship = "Brother-in-law" };
        var enterprise = await EnterpriseUserAsync("GD", "Huizhou Batteries Co., Ltd.");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Client.PostAsJsonAsync("/api/conflict-links", link)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await workflow.As("scope.mediator.hk", "Mediator", centre: "HK").PostAsJsonAsync("/api/conflict-links", link)).StatusCode);
    }

    /// <summary>Every read and change of the case answers 404, whatever the caller's roles would allow.</summary>
    private async Task AssertInvisibleAsync(HttpClient caller, Guid id, string action = "acceptCase", object? payload = null)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/cases/{id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/cases/{id}/diagram")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/cases/{id}/actions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/cases/{id}/deadlines")).StatusCode);
        var acted = await caller.PostAsJsonAsync($"/api/cases/{id}/actions/{action}", new { payload = payload ?? new { infringementRegion = "GD" } });
        Assert.Equal(HttpStatusCode.NotFound, acted.StatusCode);
        Assert.Equal($"Case '{id}' was not found.", (await Workflow.ProblemAsync(acted)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await caller.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = "Looks urgent." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caller.PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Peeking." })).StatusCode);
    }

    /// <summary>What any change to the case would alter: its version, state, priority and timeline length.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        var view = await api.Admin().GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        var events = await workflow.CountAsync("SELECT count(*) FROM case_events WHERE case_id = @id", id);
        return $"{view.GetProperty("version").GetInt32()}|{view.GetProperty("state").GetString()}|{view.GetProperty("priority").GetBoolean()}|{events}";
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];

    private static async Task<Guid> FileAsync(HttpClient client, Dictionary<string, object?> filing)
    {
        var response = await client.PostAsJsonAsync("/api/cases", filing);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static Dictionary<string, object?> Without(Dictionary<string, object?> filing, string field)
    {
        filing.Remove(field);
        return filing;
    }

    /// <summary>A staff member of the centre, created through the API and signed in with the password.</summary>
    private async Task<HttpClient> StaffAsync(string centre)
    {
        var userName = $"staff.{centre.ToLowerInvariant()}.{Guid.NewGuid():N}";
        var created = await api.Admin().PostAsJsonAsync("/api/users", new
        {
            userName,
            displayName = $"Staff of {centre}",
            password = Password,
            roles = new[] { "IntakeOfficer", "CaseHandler", "Supervisor" },
            centre,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await SignInAsync(userName);
    }

    /// <summary>A user of a key enterprise registered at the centre, created through the API and signed in.</summary>
    private async Task<(Guid Enterprise, HttpClient Client)> EnterpriseUserAsync(string centre, string name)
    {
        var enterprise = await TestEnterprises.RegisterAsync(api.Admin(), centre, name);
        var userName = $"user.{Guid.NewGuid():N}";
        var created = await api.Admin().PostAsJsonAsync($"/api/enterprises/{enterprise}/users", new { userName, displayName = $"User of {name}", password = Password });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (enterprise, await SignInAsync(userName));
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = userName, password = Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }
}
