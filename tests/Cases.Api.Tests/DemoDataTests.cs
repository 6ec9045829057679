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

    public sealed class EmptyApi : CasesApi
    {
        protected override bool RegisterCentres => false;
    }
}
