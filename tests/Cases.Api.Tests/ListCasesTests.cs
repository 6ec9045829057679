namespace Cases.Api.Tests;

/// <summary>The triage queue over a known set of cases (its own database, filed once for the class).</summary>
public sealed class ListCasesTests(ListCasesTests.QueueApi api) : IClassFixture<ListCasesTests.QueueApi>
{
    private readonly HttpClient client = api.Admin();

    [Fact]
    public async Task Filters_by_centre()
    {
        var page = await ListAsync("centre=HK");

        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.All(Items(page), item => Assert.Equal("HK", item.GetProperty("centre").GetString()));
    }

    [Fact]
    public async Task Filters_by_kind_priority_and_state()
    {
        Assert.Equal(2, (await ListAsync("kind=Mediation")).GetProperty("totalCount").GetInt32());
        Assert.Equal(2, (await ListAsync("priority=true")).GetProperty("totalCount").GetInt32());
        Assert.Equal(7, (await ListAsync("state=Filed")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await ListAsync("state=Closed")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await ListAsync("centre=GD&kind=Mediation")).GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("pearl river", 6)]
    [InlineData("PEARL", 6)]
    [InlineData("Kowloon", 1)]
    [InlineData("201710601862.3", 7)]
    [InlineData("GD-2026-000002", 1)]
    [InlineData("ACME-7", 1)]
    [InlineData("50%_off", 0)]
    public async Task Free_text_searches_numbers_titles_references_parties_and_rights(string text, int expected)
    {
        var page = await ListAsync($"text={Uri.EscapeDataString(text)}");

        Assert.Equal(expected, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_default_order_puts_priority_first_then_the_longest_waiting()
    {
        var numbers = Items(await ListAsync(string.Empty)).Select(item => item.GetProperty("number").GetString()).ToList();

        // Priority: GD-000002 (filed 2nd), HK-000003 (filed 7th); then the rest in filing order.
        Assert.Equal(["GD-2026-000002", "HK-2026-000003", "GD-2026-000001", "GD-2026-000003", "FJ-2026-000001", "HK-2026-000001", "HK-2026-000002"], numbers);
    }

    [Fact]
    public async Task Sorts_newest_first_and_by_number()
    {
        var newest = Items(await ListAsync("sort=-filed")).Select(item => item.GetProperty("number").GetString()).First();
        var byNumber = Items(await ListAsync("sort=number")).Select(item => item.GetProperty("number").GetString()).ToList();

        Assert.Equal("HK-2026-000003", newest);
        Assert.Equal(byNumber.Order(StringComparer.Ordinal), byNumber);
    }

    [Fact]
    public async Task Pages_cover_every_case_once()
    {
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await ListAsync($"pageSize=3&page={page}");
            Assert.Equal(7, result.GetProperty("totalCount").GetInt32());
            Assert.Equal(3, result.GetProperty("pageSize").GetInt32());
            seen.AddRange(Items(result).Select(item => item.GetProperty("number").GetString()!));
        }

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_default_page_size_is_bounded()
    {
        var page = await ListAsync(string.Empty);

        Assert.Equal(25, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
    }

    private async Task<JsonElement> ListAsync(string query) => await client.GetFromJsonAsync<JsonElement>($"/api/cases?{query}");

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    public sealed class QueueApi : CasesApi
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var client = Admin();
            (string Centre, string Kind, bool Priority, string? Reference, string? Respondent)[] cases =
            [
                ("GD", "RightsDefence", false, null, null),
                ("GD", "RightsDefence", true, "ACME-7", null),
                ("GD", "Mediation", false, null, null),
                ("FJ", "RightsDefence", false, null, null),
                ("HK", "Mediation", false, null, "Kowloon Traders Ltd."),
                ("HK", "Arbitration", false, null, null),
                ("HK", "RightsDefence", true, null, null),
            ];
            foreach (var (centre, kind, priority, reference, respondent) in cases)
            {
                var filing = Filings.RightsDefence(centre);
                filing["kind"] = kind;
                filing["priority"] = priority;
                filing["externalReference"] = reference;
                filing["parties"] = new object[]
                {
                    new { role = kind == "RightsDefence" ? "Complainant" : "Applicant", kind = "Organisation", name = "Lingnan Clean Air" },
                    new { role = "Respondent", kind = "Organisation", name = respondent ?? "Pearl River Trading" },
                };
                // Filing order is the clock's order, one minute apart.
                Clock.Advance(TimeSpan.FromMinutes(1));
                var response = await client.PostAsJsonAsync("/api/cases", filing);
                response.EnsureSuccessStatusCode();
            }
        }
    }
}
