using System.Text;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>A battery of bad requests: each gets a 4xx problem document naming what is wrong, and nothing is stored.</summary>
public sealed class BadInputTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly HttpClient client = api.Admin();

    public static TheoryData<string, string, int, string> BadFilings => new()
    {
        { "malformed JSON", "{\"centre\": \"GD\", ", 400, "body" },
        { "not an object", "[1, 2, 3]", 400, "body" },
        { "empty body", "", 400, "body" },
        { "number where text belongs", Body(filing => filing["title"] = 42), 400, "title" },
        { "text where a flag belongs", Body(filing => filing["priority"] = "yes"), 400, "priority" },
        { "unknown case kind", Body(filing => filing["kind"] = "Litigation"), 400, "kind" },
        { "case kind as a number", Body(filing => filing["kind"] = 2), 400, "kind" },
        { "unknown party role", Body(filing => filing["parties"] = new object[] { new { role = "Judge", kind = "Person", name = "X" } }), 400, "parties[0].role" },
        { "unknown field", Body(filing => filing["titel"] = "typo"), 400, "titel" },
        { "object where a list belongs", Body(filing => filing["rights"] = new { kind = "Trademark" }), 400, "rights" },
        { "missing centre", Body(filing => filing.Remove("centre")), 400, "centre" },
        { "malformed centre code", Body(filing => filing["centre"] = "guangdong"), 400, "centre" },
        { "unknown centre", Body(filing => filing["centre"] = "GD-XX"), 400, "centre" },
        { "missing kind", Body(filing => filing["kind"] = null), 400, "kind" },
        { "empty title", Body(filing => filing["title"] = "  "), 400, "title" },
        { "over-long title", Body(filing => filing["title"] = new string('长', 201)), 400, "title" },
        { "over-long summary", Body(filing => filing["summary"] = new string('x', 4001)), 400, "summary" },
        { "over-long party name", Body(filing => filing["parties"] = new object[] { new { role = "Complainant", kind = "Person", name = new string('x', 201) } }), 400, "parties[0].name" },
        { "bad e-mail", Body(filing => filing["parties"] = new object[] { new { role = "Complainant", kind = "Person", name = "X", email = "not-an-address" } }), 400, "parties[0].email" },
        { "bad phone", Body(filing => filing["parties"] = new object[] { new { role = "Complainant", kind = "Person", name = "X", phone = "call me" } }), 400, "parties[0].phone" },
        { "no parties", Body(filing => filing["parties"] = Array.Empty<object>()), 400, "parties" },
        { "no rights", Body(filing => filing["rights"] = Array.Empty<object>()), 400, "rights" },
        { "patent number with a wrong check digit", Body(filing => filing["rights"] = new object[] { new { kind = "InventionPatent", number = "201710601862.4" } }), 400, "rights[0].number" },
        { "patent number without a check digit", Body(filing => filing["rights"] = new object[] { new { kind = "InventionPatent", number = "201710601862" } }), 400, "rights[0].number" },
        { "design patent with an invention number", Body(filing => filing["rights"] = new object[] { new { kind = "DesignPatent", number = Filings.InventionNumber } }), 400, "rights[0].number" },
        { "trademark number with letters", Body(filing => filing["rights"] = new object[] { new { kind = "Trademark", number = "TM12345" } }), 400, "rights[0].number" },
        { "comma-joined party roles", Body(filing => filing["parties"] = new object[] { new { role = "Complainant, Respondent", kind = "Person", name = "X" } }), 400, "parties[0].role" },
        { "comma-joined case kinds", Body(filing => filing["kind"] = "Mediation, Arbitration"), 400, "kind" },
        { "comma-joined right kinds", Body(filing => filing["rights"] = new object[] { new { kind = "Copyright, Other", number = "1" } }), 400, "rights[0].kind" },
        { "case kind in the wrong case", Body(filing => filing["kind"] = "rightsDefence"), 400, "kind" },
        { "a field given twice", "{\"centre\":\"GD\",\"centre\":\"FJ\"}", 400, "centre" },
        { "centre as a number", Body(filing => filing["centre"] = 44), 400, "centre" },
        { "NUL in the title", Body(filing => filing["title"] = "before\u0000after"), 400, "title" },
        { "NUL in a party's name", Body(filing => filing["parties"] = new object[] { new { role = "Complainant", kind = "Person", name = "A\u0000" }, new { role = "Respondent", kind = "Person", name = "B" } }), 400, "parties[0].name" },
        { "a null party", Body(filing => filing["parties"] = new object?[] { null }), 400, "parties[0]" },
        { "a right without kind or number", Body(filing => filing["rights"] = new object[] { new { kind = (string?)null, number = (string?)null } }), 400, "rights[0].kind" },
        { "an 8-digit number from outside 1985-2003", Body(filing => filing["rights"] = new object[] { new { kind = "InventionPatent", number = "10101765.0" } }), 400, "rights[0].number" },
        { "too many parties", Body(filing => filing["parties"] = Enumerable.Range(0, 21).Select(index => new { role = "Respondent", kind = "Person", name = $"P{index}" }).ToArray()), 400, "parties" },
    };

    [Theory]
    [MemberData(nameof(BadFilings))]
    public async Task A_bad_filing_is_refused_naming_the_field_and_stores_nothing(string description, string body, int expectedStatus, string expectedField)
    {
        var before = await CountAsync();

        var response = await client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(expectedStatus == (int)response.StatusCode, $"{description}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(expectedField, out var messages), $"{description}: no error for '{expectedField}' in {errors}");
        Assert.All(messages.EnumerateArray(), message => Assert.False(string.IsNullOrWhiteSpace(message.GetString())));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var response = await client.PostAsync("/api/cases", new StringContent(Body(filing =>
        {
            filing["title"] = "";
            filing["centre"] = "x";
            filing["rights"] = new object[] { new { kind = "UtilityModelPatent", number = "202320123456.0" } };
        }), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("centre", out _));
        Assert.True(errors.TryGetProperty("rights[0].number", out var number));
        Assert.Contains("check digit", number[0].GetString());
    }

    [Fact]
    public async Task An_over_long_list_is_one_error_not_one_per_element()
    {
        var body = Body(filing => filing["parties"] = Enumerable.Repeat<object?>(null, 5000).ToArray());

        var response = await client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["parties"], errors.EnumerateObject().Select(error => error.Name));
        Assert.True(response.Content.Headers.ContentLength < 2000, $"{response.Content.Headers.ContentLength} bytes");
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var before = await CountAsync();
        var body = Body(filing => filing["summary"] = new string('x', 1_100_000));

        var response = await client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_415()
    {
        var response = await client.PostAsync("/api/cases", new StringContent("centre=GD", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/api/cases/0b5e0c6a-4e0f-4f53-9e77-3c1f4a3d2b10")]
    [InlineData("/api/cases/0b5e0c6a-4e0f-4f53-9e77-3c1f4a3d2b10/timeline")]
    [InlineData("/api/cases/not-a-guid")]
    [InlineData("/api/centres/ZZ")]
    public async Task An_unknown_id_is_404_problem_details(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("kind=Litigation", "kind")]
    [InlineData("kind=2", "kind")]
    [InlineData("sort=random", "sort")]
    [InlineData("centre=guangdong", "centre")]
    [InlineData("priority=maybe", "priority")]
    [InlineData("page=two", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("text=%00", "text")]
    [InlineData("state=Filed%00", "state")]
    [InlineData("page=99999999999", "page")]
    public async Task A_bad_queue_filter_is_400_naming_it(string queryString, string field)
    {
        var response = await client.GetAsync($"/api/cases?{queryString}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task A_bad_centre_registration_names_each_field()
    {
        var response = await client.PostAsJsonAsync("/api/centres", new { code = "gd", region = "TW", name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("region", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_centre_code_from_another_region_breaks_a_rule()
    {
        var response = await client.PostAsJsonAsync("/api/centres", new { code = "HK-SZ", region = "GD", name = "Shenzhen" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private static string Body(Action<Dictionary<string, object?>> change)
    {
        var filing = Filings.RightsDefence();
        change(filing);
        return JsonSerializer.Serialize(filing);
    }

    private async Task<long> CountAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(api.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_events) + (SELECT count(*) FROM case_number_counters)");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
