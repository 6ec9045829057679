using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cases.Api.Tests;

/// <summary>
/// No secret and no personal data in the logs, at any level: signing in with a password, using a
/// bearer token (a good one and a bad one), filing a case with a party's name, phone and
/// identifier, a validation error, a 404 and an unhandled exception echoing personal data.
/// </summary>
public sealed class LogHygieneTests(CasesApiCapturingLogs api) : IClassFixture<CasesApiCapturingLogs>
{
    private const string Password = "Sunny-Harbour-2026-Kite";
    private const string PartyName = "Lingnan Clean Air Technology";
    private const string Phone = "+86 20 8888 0000";
    private const string Identifier = "91440101MA59XXXX1K";
    private const string Email = "legal@lingnan.example";

    [Fact]
    public async Task Passwords_tokens_and_personal_data_never_reach_the_logs()
    {
        var created = await api.Admin().PostAsJsonAsync("/api/users", new { userName = "wang.fang", displayName = "Wang Fang", password = Password, roles = new[] { "IntakeOfficer", "CaseHandler" }, centre = "GD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var client = api.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/token", new { username = "wang.fang", password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", new { username = "wang.fang", password = Password + "x" })).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var filed = await client.PostAsJsonAsync("/api/cases", Filings.RightsDefence());
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var caseId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);

        var invalid = Filings.RightsDefence();
        invalid["centre"] = null;
        invalid["parties"] = new object[] { new { role = "Complainant", kind = (string?)null, name = PartyName + " Co., Ltd.", identifier = Identifier, email = Email, phone = Phone, address = "Guangzhou" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/cases", invalid)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync($"/api/cases/{CasesApiCapturingLogs.FailingCaseId}")).StatusCode);

        using var forged = api.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/cases")).StatusCode);

        var logs = api.Logs.Entries;
        Assert.Contains(logs, log => log.Level is LogLevel.Trace or LogLevel.Debug);
        var unhandled = Assert.Single(logs, log => log.Category.EndsWith("ProblemDetailsExceptionHandler", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: Could not notify [name] at [phone] about [id]", unhandled.Exception, StringComparison.Ordinal);
        foreach (var secret in new[] { Password, token, "Bearer " + token[..12], PartyName, Phone, "8888 0000", Identifier, Email })
        {
            var leaks = logs.Where(log => log.AllText.Contains(secret, StringComparison.Ordinal)).Select(log => $"{log.Category}: {log.Message}").ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' is in the logs:{Environment.NewLine}{string.Join(Environment.NewLine, leaks)}");
        }
    }

    [Fact]
    public void The_database_context_never_logs_parameter_values()
    {
        using var scope = api.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<Workflows.Persistence.CasesDbContext>>();
        var core = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>();
        Assert.False(core?.IsSensitiveDataLoggingEnabled ?? false);
    }
}
