using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// The Idempotency-Key header of filing and of actions (ADR 0014): retries, concurrent duplicates,
/// reuse for another request, failed first attempts, per-user keys and expiry.
/// </summary>
public sealed class IdempotencyTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task A_retried_filing_returns_the_first_response_and_files_one_case()
    {
        var filing = Filings.RightsDefence(title: "Retried filing");
        var client = workflow.Anyone();

        var first = await PostAsync(client, "/api/cases", filing, "filing-1");
        var retry = await PostAsync(client, "/api/cases", filing, "filing-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotency-Replayed"));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await CasesTitledAsync("Retried filing"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_on_another_path_is_422()
    {
        var client = workflow.Anyone();
        var filed = await PostAsync(client, "/api/cases", Filings.RightsDefence(title: "Key reused"), "reused");
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var otherBody = await PostAsync(client, "/api/cases", Filings.RightsDefence(title: "Key reused, other title"), "reused");
        var otherPath = await PostAsync(client, $"/api/cases/{id}/actions/refuseCase", new { payload = new { reason = "No right shown." } }, "reused");

        foreach (var response in new[] { otherBody, otherPath })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Workflow.ProblemAsync(response);
            Assert.Contains("'reused' was already used for a different request", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(0, await CasesTitledAsync("Key reused, other title"));
        Assert.Equal("Filed", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task Ten_concurrent_duplicates_of_a_filing_file_one_case_and_all_get_the_same_response()
    {
        var filing = Filings.RightsDefence(title: "Concurrent duplicates");
        var client = workflow.Anyone();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(client, "/api/cases", filing, "concurrent-filing")));

        var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadAsStringAsync()));
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses.Select(response => response.Headers.Location).Distinct());
        Assert.Equal(9, responses.Count(response => response.Headers.Contains("Idempotency-Replayed")));
        Assert.Equal(1, await CasesTitledAsync("Concurrent duplicates"));
        var id = JsonDocument.Parse(bodies[0]).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(new Uri($"/api/cases/{id}", UriKind.Relative), responses[0].Headers.Location);
    }

    [Fact]
    public async Task Concurrent_duplicates_of_an_action_apply_it_once()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence(title: "Concurrent action"));
        var client = workflow.Anyone();
        var body = new { expectedVersion = (int?)null, payload = new { reason = "No patent right is shown." } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(client, $"/api/cases/{id}/actions/refuseCase", body, "concurrent-action")));

        var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadAsStringAsync()));
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(9, responses.Count(response => response.Headers.Contains("Idempotency-Replayed")));
        var types = (await workflow.TimelineAsync(id)).EnumerateArray().Select(@event => @event.GetProperty("type").GetString()).ToList();
        Assert.Equal(["CaseFiled", "CaseRefused"], types);
        Assert.Equal("Refused", await workflow.StateAsync(id));
    }

    [Fact]
    public async Task Two_users_keys_are_independent()
    {
        var filing = Filings.RightsDefence(title: "Two users, one key");

        var first = await PostAsync(workflow.As("intake.one", "IntakeOfficer"), "/api/cases", filing, "shared-key");
        var second = await PostAsync(workflow.As("intake.two", "IntakeOfficer"), "/api/cases", filing, "shared-key");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotency-Replayed"));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await CasesTitledAsync("Two users, one key"));
    }

    [Fact]
    public async Task An_invalid_first_attempt_does_not_consume_the_key()
    {
        var client = workflow.Anyone();
        var invalid = Filings.RightsDefence(title: "Corrected filing");
        invalid["title"] = string.Empty;

        var refused = await PostAsync(client, "/api/cases", invalid, "corrected");
        var corrected = await PostAsync(client, "/api/cases", Filings.RightsDefence(title: "Corrected filing"), "corrected");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1, await CasesTitledAsync("Corrected filing"));
    }

    [Fact]
    public async Task An_action_refused_inside_its_transaction_does_not_consume_the_key()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence(title: "Action retried after 422"));
        var client = workflow.Anyone();

        // A stale version is found by the handler, inside the transaction that claimed the key.
        var stale = await PostAsync(client, $"/api/cases/{id}/actions/refuseCase", new { expectedVersion = 7, payload = new { reason = "No patent right is shown." } }, "refuse-once");
        var corrected = await PostAsync(client, $"/api/cases/{id}/actions/refuseCase", new { expectedVersion = 1, payload = new { reason = "No patent right is shown." } }, "refuse-once");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal("Refused", await workflow.StateAsync(id));
    }

    [Theory]
    [InlineData("del\u007f")]
    [InlineData("clé")]
    [InlineData("tab\tinside")]
    [InlineData("256")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        if (key == "256")
        {
            key = new string('k', 256);
        }

        var response = await PostAsync(workflow.Anyone(), "/api/cases", Filings.RightsDefence(title: "Malformed key"), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Workflow.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal(0, await CasesTitledAsync("Malformed key"));
    }

    [Fact]
    public async Task The_longest_key_is_accepted()
    {
        var response = await PostAsync(workflow.Anyone(), "/api/cases", Filings.RightsDefence(title: "Longest key"), new string('~', 255));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_key_older_than_a_day_is_forgotten()
    {
        var filing = Filings.RightsDefence(title: "Key reused after a day");
        var client = workflow.Anyone();
        var first = await PostAsync(client, "/api/cases", filing, "next-day");
        try
        {
            api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
            var nextDay = await PostAsync(client, "/api/cases", filing, "next-day");

            Assert.Equal(HttpStatusCode.Created, nextDay.StatusCode);
            Assert.False(nextDay.Headers.Contains("Idempotency-Replayed"));
            Assert.NotEqual(first.Headers.Location, nextDay.Headers.Location);
            Assert.Equal(2, await CasesTitledAsync("Key reused after a day"));
        }
        finally
        {
            api.Clock.Set(CasesApi.DefaultNow);
        }
    }

    [Fact]
    public async Task The_API_document_describes_the_header_on_both_endpoints()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        foreach (var path in new[] { "/api/cases", "/api/cases/{id}/actions/{action}" })
        {
            var operation = document.GetProperty("paths").GetProperty(path).GetProperty("post");
            Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), parameter => parameter.GetProperty("name").GetString() == "Idempotency-Key" && parameter.GetProperty("in").GetString() == "header");
            Assert.Contains("A key is consumed only when the request succeeds", operation.GetProperty("description").GetString());
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        // Read now, so the content outlives the request message.
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<long> CasesTitledAsync(string title)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cases WHERE title = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = title });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
