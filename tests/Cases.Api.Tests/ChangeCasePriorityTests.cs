namespace Cases.Api.Tests;

public sealed class ChangeCasePriorityTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly HttpClient client = api.Admin();

    [Fact]
    public async Task A_priority_change_is_recorded_with_its_reason_in_the_timeline()
    {
        var id = await FileAsync();
        api.Clock.Advance(TimeSpan.FromHours(2));
        HttpResponseMessage response;
        try
        {
            response = await client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = "Trade fair opens on Friday", expectedVersion = 1 });
        }
        finally
        {
            api.Clock.Set(CasesApi.DefaultNow);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(changed.GetProperty("priority").GetBoolean());
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        var events = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).GetProperty("events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal("CasePriorityChanged", events[1].GetProperty("type").GetString());
        Assert.Equal("Trade fair opens on Friday", events[1].GetProperty("reason").GetString());
        Assert.Equal(CasesApi.DefaultNow.AddHours(2), events[1].GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_change_that_changes_nothing_is_refused_not_ignored()
    {
        var id = await FileAsync();

        var response = await client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = false, reason = "Not urgent" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PriorityChangeMustChangeThePriorityRule", problem.GetProperty("brokenRules")[0].GetProperty("rule").GetString());
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_change_against_an_old_version_is_a_conflict()
    {
        var id = await FileAsync();
        (await client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = "Urgent", expectedVersion = 1 })).EnsureSuccessStatusCode();

        var stale = await client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = false, reason = "Not urgent after all", expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("version 2", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Of_concurrent_changes_to_one_case_exactly_one_wins_and_the_others_get_409()
    {
        var id = await FileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(index =>
            client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = $"Triage officer {index}" })));

        var statuses = responses.Select(response => response.StatusCode).ToList();
        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.All(statuses.Where(status => status != HttpStatusCode.OK), status => Assert.True(
            status is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, status.ToString()));
        var events = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).GetProperty("events");
        Assert.Equal(2, events.GetArrayLength());
    }

    [Fact]
    public async Task Of_concurrent_changes_against_one_version_exactly_one_wins_and_the_others_get_409()
    {
        var id = await FileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(index =>
            client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = $"Officer {index}", expectedVersion = 1 })));

        var statuses = responses.Select(response => response.StatusCode).ToList();
        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.All(statuses.Where(status => status != HttpStatusCode.OK), status => Assert.Equal(HttpStatusCode.Conflict, status));
    }

    [Fact]
    public async Task A_change_needs_a_reason_and_a_known_case()
    {
        var id = await FileAsync();

        var noReason = await client.PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = true, reason = " " });
        var unknown = await client.PutAsJsonAsync($"/api/cases/{Guid.NewGuid()}/priority", new { priority = true, reason = "Urgent" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<string> FileAsync()
    {
        var response = await client.PostAsJsonAsync("/api/cases", Filings.RightsDefence());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
