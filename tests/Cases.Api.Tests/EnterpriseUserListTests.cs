namespace Cases.Api.Tests;

/// <summary>
/// An enterprise's users (企业用户账号) are listed to those who create them: the administrator of
/// the enterprise's centre and a system administrator; another centre does not see the enterprise,
/// and other roles are refused.
/// </summary>
public sealed class EnterpriseUserListTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string Password = "Direct-Channel-2026";
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task The_enterprises_users_are_listed_to_its_centres_administrator_and_a_system_administrator_only()
    {
        var enterprise = await TestEnterprises.RegisterAsync(CentreAdmin("FJ"), "FJ", "Xiamen Tea Machinery Co., Ltd.");
        var other = await TestEnterprises.RegisterAsync(CentreAdmin("FJ"), "FJ", "Fuzhou Looms Co., Ltd.");
        foreach (var (target, userName) in new[] { (enterprise, "xiamen.b"), (enterprise, "xiamen.a"), (other, "fuzhou.a") })
        {
            var created = await CentreAdmin("FJ").PostAsJsonAsync($"/api/enterprises/{target}/users", new { userName, displayName = $"User {userName}", password = Password });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var listed = await CentreAdmin("FJ").GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterprise}/users");

        Assert.Equal(["xiamen.a", "xiamen.b"], listed.EnumerateArray().Select(user => user.GetProperty("userName").GetString()).ToList());
        var first = listed[0];
        Assert.Equal("User xiamen.a", first.GetProperty("displayName").GetString());
        Assert.Equal(["EnterpriseUser"], first.GetProperty("roles").EnumerateArray().Select(role => role.GetString()).ToList());
        Assert.Equal(enterprise, first.GetProperty("enterprise").GetGuid());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("centre").ValueKind);
        var bySystemAdmin = await workflow.As("system.admin", "SystemAdmin").GetFromJsonAsync<JsonElement>($"/api/enterprises/{enterprise}/users");
        Assert.Equal(2, bySystemAdmin.GetArrayLength());

        Assert.Equal(HttpStatusCode.NotFound, (await CentreAdmin("GD").GetAsync($"/api/enterprises/{enterprise}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workflow.As("supervisor.fj", "Supervisor", centre: "FJ").GetAsync($"/api/enterprises/{enterprise}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workflow.As($"xiamen.user.{enterprise}", "EnterpriseUser", enterprise: enterprise).GetAsync($"/api/enterprises/{enterprise}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CentreAdmin("FJ").GetAsync($"/api/enterprises/{Guid.NewGuid()}/users")).StatusCode);
    }

    private HttpClient CentreAdmin(string centre) => workflow.As($"admin.{centre.ToLowerInvariant()}", "CentreAdmin", centre: centre);
}
