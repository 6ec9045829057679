using System.Net.Http.Headers;

namespace Cases.Api.Tests;

/// <summary>Personal access tokens of enterprise integrations: shown once, stored hashed, listed without the secret, revoked at once, scoped to their enterprise.</summary>
public sealed class PersonalAccessTokenTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task A_token_is_shown_once_stored_as_a_hash_listed_without_its_secret_and_revoked_at_once()
    {
        var enterprise = await TestEnterprises.RegisterAsync(workflow.As("admin.gd", "CentreAdmin", centre: "GD"), "GD", "Foshan Ceramics Co., Ltd.");
        var person = workflow.As("foshan.user", "EnterpriseUser", enterprise: enterprise);

        var created = await person.PostAsJsonAsync("/api/tokens", new { name = "ERP integration", expiresInDays = 90 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("details").GetProperty("id").GetGuid();
        Assert.StartsWith("cpat_", secret, StringComparison.Ordinal);
        Assert.Equal($"/api/tokens/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(api.Clock.GetUtcNow().AddDays(90), body.GetProperty("details").GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(1, await workflow.CountAsync("SELECT count(*) FROM access_tokens WHERE id = @id AND kind = 'Personal' AND length(hash) = 32", id));
        Assert.Equal(0, await workflow.CountAsync($"SELECT count(*) FROM access_tokens WHERE id = @id AND (name LIKE '%{secret[8..]}%' OR prefix = '{secret}')", id));

        var listed = await person.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var entry = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray());
        Assert.Equal("ERP integration", entry.GetProperty("name").GetString());
        Assert.Equal(secret[..11], entry.GetProperty("prefix").GetString());
        Assert.Equal("foshan.user", entry.GetProperty("createdBy").GetString());

        using var integration = Bearer(secret);
        var filing = Filings.RightsDefence();
        filing.Remove("centre");
        var filed = await integration.PostAsJsonAsync("/api/cases", filing);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal("foshan.user", (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("filedBy").GetString());

        // A colleague at the same enterprise revokes it; it stops on the very next request.
        var revoked = await workflow.As("foshan.colleague", "EnterpriseUser", enterprise: enterprise).DeleteAsync($"/api/tokens/{id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("foshan.colleague", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedBy").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await person.DeleteAsync($"/api/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_personal_access_token_cannot_mint_list_or_revoke_tokens()
    {
        var enterprise = await TestEnterprises.RegisterAsync(workflow.As("admin.gd", "CentreAdmin", centre: "GD"), "GD", "Dongguan Molds Co., Ltd.");
        var person = workflow.As("dongguan.user", "EnterpriseUser", enterprise: enterprise);
        var created = await (await person.PostAsJsonAsync("/api/tokens", new { name = "MES" })).Content.ReadFromJsonAsync<JsonElement>();
        using var integration = Bearer(created.GetProperty("token").GetString()!);

        var minted = await integration.PostAsJsonAsync("/api/tokens", new { name = "another" });
        var listed = await integration.GetAsync("/api/tokens");
        var revoked = await integration.DeleteAsync($"/api/tokens/{created.GetProperty("details").GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        Assert.Contains("own sign-in", (await Workflow.ProblemAsync(minted)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Another_enterprises_token_is_neither_listed_nor_revocable_and_staff_hold_none()
    {
        var admin = workflow.As("admin.hk", "CentreAdmin", centre: "HK");
        var first = await TestEnterprises.RegisterAsync(admin, "HK", "Kowloon Lenses Limited");
        var second = await TestEnterprises.RegisterAsync(admin, "HK", "Tsuen Wan Plastics Limited");
        var created = await (await workflow.As("kowloon.user", "EnterpriseUser", enterprise: first).PostAsJsonAsync("/api/tokens", new { name = "ERP" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("details").GetProperty("id").GetGuid();
        var other = workflow.As("tsuenwan.user", "EnterpriseUser", enterprise: second);

        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/tokens")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await workflow.As("hk.handler", "CaseHandler", centre: "HK").PostAsJsonAsync("/api/tokens", new { name = "mine" })).StatusCode);
        Assert.Equal(0, await workflow.CountAsync("SELECT count(*) FROM access_tokens WHERE id = @id AND revoked_at IS NOT NULL", id));
    }

    [Theory]
    [InlineData("", 30, "name")]
    [InlineData("ERP", 0, "expiresInDays")]
    [InlineData("ERP", 731, "expiresInDays")]
    public async Task A_token_needs_a_name_and_at_most_two_years(string name, int expiresInDays, string field)
    {
        var enterprise = await TestEnterprises.RegisterAsync(workflow.As("admin.fj", "CentreAdmin", centre: "FJ"), "FJ", $"Quanzhou Textiles {Guid.NewGuid():N}");

        var response = await workflow.As("quanzhou.user", "EnterpriseUser", enterprise: enterprise).PostAsJsonAsync("/api/tokens", new { name, expiresInDays });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Workflow.ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    private HttpClient Bearer(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
