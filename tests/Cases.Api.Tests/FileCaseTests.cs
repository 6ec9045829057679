using Cases.Domain.Rights;

namespace Cases.Api.Tests;

public sealed class FileCaseTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly HttpClient client = api.Admin();

    [Fact]
    public async Task Filing_answers_201_with_the_case_and_its_location()
    {
        var response = await client.PostAsJsonAsync("/api/cases", Filings.RightsDefence(centre: "FJ"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/cases/{filed.GetProperty("id").GetString()}", response.Headers.Location!.ToString());
        Assert.Matches(@"^FJ-2026-\d{6}$", filed.GetProperty("number").GetString());
        Assert.Equal("RightsDefence", filed.GetProperty("kind").GetString());
        Assert.Equal("Filed", filed.GetProperty("state").GetString());
        Assert.Equal(1, filed.GetProperty("version").GetInt32());
        Assert.Equal(CasesApi.DefaultNow, filed.GetProperty("filedAt").GetDateTimeOffset());
        Assert.Equal(2, filed.GetProperty("parties").GetArrayLength());
        Assert.Equal(Filings.InventionNumber, filed.GetProperty("rights")[0].GetProperty("number").GetString());

        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(filed.GetProperty("number").GetString(), fetched.GetProperty("number").GetString());
        Assert.Equal("Lingnan Clean Air Technology Co., Ltd.", fetched.GetProperty("parties")[0].GetProperty("name").GetString());
        Assert.Equal("+86 20 8888 0000", fetched.GetProperty("parties")[0].GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Filing_records_the_CaseFiled_timeline_entry()
    {
        var filed = await FileAsync(Filings.RightsDefence(centre: "JX"));

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.GetProperty("id").GetString()}/timeline");

        var entry = Assert.Single(timeline.GetProperty("events").EnumerateArray());
        Assert.Equal(1, entry.GetProperty("sequence").GetInt32());
        Assert.Equal("CaseFiled", entry.GetProperty("type").GetString());
        Assert.Equal("tester", entry.GetProperty("actor").GetString());
        Assert.Equal(CasesApi.DefaultNow, entry.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(filed.GetProperty("number").GetString(), entry.GetProperty("data").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Patent_numbers_are_stored_in_canonical_form()
    {
        var filing = Filings.RightsDefence(centre: "HN");
        filing["rights"] = new object[] { new { kind = "InventionPatent", number = "ZL 2017 1 0601862.3", title = (string?)null } };

        var filed = await FileAsync(filing);

        Assert.Equal("201710601862.3", filed.GetProperty("rights")[0].GetProperty("number").GetString());
    }

    [Fact]
    public async Task Numbers_run_per_centre_without_gaps_and_a_refused_filing_gives_its_number_back()
    {
        var first = await FileAsync(Filings.RightsDefence(centre: "GX"));
        var refused = Filings.RightsDefence(centre: "GX");
        refused["parties"] = new object[] { new { role = "Complainant", kind = "Person", name = "Alone" } };
        var refusal = await client.PostAsJsonAsync("/api/cases", refused);
        var second = await FileAsync(Filings.RightsDefence(centre: "GX"));
        var elsewhere = await FileAsync(Filings.RightsDefence(centre: "HI"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusal.StatusCode);
        Assert.Equal("GX-2026-000001", first.GetProperty("number").GetString());
        Assert.Equal("GX-2026-000002", second.GetProperty("number").GetString());
        Assert.Equal("HI-2026-000001", elsewhere.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Concurrent_filings_at_one_centre_get_distinct_consecutive_numbers()
    {
        const int filings = 40;

        var responses = await Task.WhenAll(Enumerable.Range(0, filings)
            .Select(_ => client.PostAsJsonAsync("/api/cases", Filings.RightsDefence(centre: "SC"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        }

        var expected = Enumerable.Range(1, filings).Select(serial => $"SC-2026-{serial:D6}");
        Assert.Equal(expected, numbers.Order());
    }

    [Fact]
    public async Task The_year_in_the_number_is_the_year_in_the_region_not_in_UTC()
    {
        // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in the 9+2 (UTC+8).
        api.Clock.Set(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        try
        {
            var filed = await FileAsync(Filings.RightsDefence(centre: "GZ"));
            Assert.Equal("GZ-2027-000001", filed.GetProperty("number").GetString());
        }
        finally
        {
            api.Clock.Set(CasesApi.DefaultNow);
        }
    }

    [Fact]
    public async Task The_same_external_reference_twice_at_one_centre_is_a_conflict()
    {
        var filing = Filings.RightsDefence(centre: "YN");
        filing["externalReference"] = "ACME-2026-0042";
        var first = await FileAsync(filing);

        var again = await client.PostAsJsonAsync("/api/cases", filing);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(first.GetProperty("number").GetString()!, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("RightsDefence", "Applicant", "CaseMustBeFiledByThePartyItsKindExpectsRule")]
    [InlineData("FastTrackPreExamination", "Applicant", "PreExaminationMustNotNameARespondentRule")]
    public async Task Broken_domain_rules_answer_422_naming_each_rule(string kind, string filerRole, string expectedRule)
    {
        var filing = Filings.RightsDefence(centre: "MO");
        filing["kind"] = kind;
        filing["parties"] = new object[]
        {
            new { role = filerRole, kind = "Organisation", name = "Filer" },
            new { role = "Respondent", kind = "Organisation", name = "Other side" },
        };

        var response = await client.PostAsJsonAsync("/api/cases", filing);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("brokenRules").EnumerateArray(), rule => rule.GetProperty("rule").GetString() == expectedRule);
    }

    [Fact]
    public async Task A_fast_track_pre_examination_is_filed_by_an_applicant_for_one_patent()
    {
        var digits = "202310123456";
        var filing = Filings.RightsDefence(centre: "HK");
        filing["kind"] = "FastTrackPreExamination";
        filing["parties"] = new object[] { new { role = "Applicant", kind = "Organisation", name = "Kowloon Robotics Ltd." } };
        filing["rights"] = new object[] { new { kind = "InventionPatent", number = $"{digits}.{PatentApplicationNumber.CheckDigitOf(digits)}" } };

        var filed = await FileAsync(filing);

        Assert.Equal("FastTrackPreExamination", filed.GetProperty("kind").GetString());
        Assert.StartsWith("HK-2026-", filed.GetProperty("number").GetString());
    }

    private async Task<JsonElement> FileAsync(Dictionary<string, object?> filing)
    {
        var response = await client.PostAsJsonAsync("/api/cases", filing);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
