using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cases.Api.Tests;

public sealed class HostTests(CasesApi api) : IClassFixture<CasesApi>
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        var response = await api.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        // The database went away after start-up: a port nothing listens on.
        await using var unreachable = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("CASES_DB", "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2")
            .UseSetting("Database:MigrateOnStartup", "false"));

        var response = await unreachable.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_covers_every_endpoint_with_schemas()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
                 {
                     ("/api/cases", "post"), ("/api/cases", "get"), ("/api/cases/{id}", "get"), ("/api/cases/{id}/timeline", "get"),
                     ("/api/cases/{id}/priority", "put"), ("/api/centres", "get"), ("/api/centres", "post"), ("/api/centres/{code}", "get"),
                     ("/api/calendars/{region}/due", "get"), ("/api/calendars/{region}/{year}", "get"),
                     ("/api/calendars/{region}/years", "post"), ("/api/calendars/{region}/days", "post"),
                 })
        {
            Assert.True(paths.TryGetProperty(path, out var operations) && operations.TryGetProperty(method, out _), $"{method} {path} is missing");
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "FileCaseCommand", "CaseView", "CasePage", "CaseTimelineView", "HttpValidationProblemDetails", "ProblemDetails" })
        {
            Assert.True(schemas.TryGetProperty(schema, out _), $"schema {schema} is missing");
        }

        var kindValues = schemas.GetProperty("CaseKind").GetProperty("enum").EnumerateArray().Select(value => value.GetString());
        Assert.Contains("FastTrackPreExamination", kindValues);
    }

    [Fact]
    public async Task The_interactive_API_page_is_served()
    {
        var response = await api.CreateClient().GetAsync("/api-docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
