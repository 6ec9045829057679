using Cases.Workflows.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests;

public sealed class DemoDataTests(DemoDataTests.EmptyApi api) : IClassFixture<DemoDataTests.EmptyApi>
{
    [Fact]
    public async Task Seeding_twice_adds_the_11_centres_and_their_cases_once()
    {
        var first = await SeedAsync();
        var second = await SeedAsync();

        Assert.Equal(new DemoSeedResult(11, 33), first);
        Assert.Equal(new DemoSeedResult(0, 0), second);
        var client = api.Admin();
        var centres = await client.GetFromJsonAsync<JsonElement>("/api/centres");
        Assert.Equal(["FJ", "GD", "GX", "GZ", "HI", "HK", "HN", "JX", "MO", "SC", "YN"], centres.EnumerateArray().Select(centre => centre.GetProperty("code").GetString()));
        var cases = await client.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=100");
        Assert.Equal(33, cases.GetProperty("totalCount").GetInt32());
    }

    private async Task<DemoSeedResult> SeedAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_demo_accounts_sign_in_with_the_password_of_the_latest_seeding()
    {
        await SeedAsync();
        Assert.Equal(15, await SeedAccountsAsync("First-demo-password-1"));
        Assert.Equal(0, await SeedAccountsAsync("Second-demo-password-2"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("admin", "First-demo-password-1")).StatusCode);
        foreach (var (userName, _, role, centre) in DemoAccounts.StaffAccounts())
        {
            var response = await SignInAsync(userName, "Second-demo-password-2");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userName}: {(int)response.StatusCode}");
            using var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
            var cases = await client.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=100");
            Assert.True(cases.GetProperty("totalCount").GetInt32() > 0, $"{userName} ({role}, {centre}) sees no case");
        }

        foreach (var (userName, enterpriseName, _, _, _, _) in DemoDataSeeder.EnterpriseAccounts)
        {
            var response = await SignInAsync(userName, "Second-demo-password-2");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userName}: {(int)response.StatusCode}");
            using var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
            var enterprises = await client.GetFromJsonAsync<JsonElement>("/api/enterprises");
            Assert.Equal([enterpriseName], enterprises.EnumerateArray().Select(enterprise => enterprise.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public async Task A_demo_password_the_policy_refuses_is_not_accepted()
    {
        await SeedAsync();

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SeedAccountsAsync("short"));

        Assert.All(refused.Errors, error => Assert.Equal("password", error.PropertyName));
    }

    private async Task<int> SeedAccountsAsync(string password)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAccountsAsync(password, CancellationToken.None);
    }

    private async Task<HttpResponseMessage> SignInAsync(string username, string password) =>
        await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password });

    public sealed class EmptyApi : CasesApi
    {
        protected override bool RegisterCentres => false;
    }
}
