using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Drives cases through their workflows over HTTP, acting as a named person in given roles: through
/// the fixture's own node, or through <paramref name="node"/> (e.g. a <see cref="SecondNode"/>) when
/// the fixture's node must not start. Database reads go to the fixture's database either way.
/// </summary>
public sealed class Workflow(CasesApi api, WebApplicationFactory<Program>? node = null)
{
    /// <summary>Every role: for tests about states and payloads, not about who may act.</summary>
    public const string AllRoles = "IntakeOfficer,CaseHandler,Mediator,Arbitrator,Supervisor,CentreAdmin,SystemAdmin,EnterpriseUser";

    /// <summary>Signed in as the user in these roles (comma-separated); staff work at <paramref name="centre"/>, GD unless named.</summary>
    public HttpClient As(string user, string roles, string? centre = null, Guid? enterprise = null) => api.ClientAs(node ?? api, user, roles, centre, enterprise);

    public HttpClient Anyone() => As("tester", AllRoles);

    public async Task<Guid> FileAsync(Dictionary<string, object?> filing)
    {
        var response = await Anyone().PostAsJsonAsync("/api/cases", filing);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Files as a key enterprise's user through the direct channel, registering a test enterprise at
    /// the filing's centre first: for tests where the enterprise then acts on its own case.
    /// </summary>
    public async Task<Guid> FileThroughEnterpriseAsync(Dictionary<string, object?> filing)
    {
        var centre = (string)filing["centre"]!;
        var enterprise = await TestEnterprises.RegisterAsync(Anyone(), centre, $"Test enterprise {Guid.NewGuid():N}");
        var response = await As($"enterprise-user.{enterprise}", "EnterpriseUser", enterprise: enterprise).PostAsJsonAsync("/api/cases", filing);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"file through enterprise: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> TryAsync(Guid caseId, string action, object? payload = null, string roles = AllRoles, int? expectedVersion = null) =>
        await ActorOn(caseId, roles, action).PostAsJsonAsync($"/api/cases/{caseId}/actions/{action}", new { expectedVersion, payload = payload ?? new { } });

    /// <summary>
    /// Someone in these roles who can see the case: with every role, a system administrator; staff,
    /// at the case's handling centre (at the centre it is referred to, to accept or decline the
    /// referral); an enterprise user, of the case's enterprise. Tests of who may see what build
    /// their users themselves.
    /// </summary>
    public HttpClient ActorOn(Guid caseId, string roles, string? action = null)
    {
        if (roles == AllRoles)
        {
            return Anyone();
        }

        using var connection = new NpgsqlConnection(api.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT CASE WHEN referred_to_centre_code IS NOT NULL AND $2 IN ('acceptReferral', 'declineReferral') THEN referred_to_centre_code ELSE handling_centre_code END, to_jsonb(cases) ->> 'enterprise_id' FROM cases WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        command.Parameters.Add(new NpgsqlParameter { Value = action ?? string.Empty });
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return As("tester", roles);
        }

        var enterprise = reader.IsDBNull(1) ? (Guid?)null : Guid.Parse(reader.GetString(1));
        return roles == "EnterpriseUser"
            ? As($"enterprise-user.{enterprise}", roles, enterprise: enterprise)
            : As($"tester.{reader.GetString(0)}", roles, centre: reader.GetString(0));
    }

    /// <summary>Takes an action that must succeed; returns the case after it.</summary>
    public async Task<JsonElement> ActAsync(Guid caseId, string action, object? payload = null, string roles = AllRoles)
    {
        var response = await TryAsync(caseId, action, payload, roles);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("case");
    }

    public async Task<JsonElement> CaseAsync(Guid caseId) => await Anyone().GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

    public async Task<string> StateAsync(Guid caseId) => (await CaseAsync(caseId)).GetProperty("state").GetString()!;

    public async Task<JsonElement> TimelineAsync(Guid caseId) =>
        (await Anyone().GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/timeline")).GetProperty("events");

    /// <summary>The case's clock, by name, as the case view shows it.</summary>
    public async Task<JsonElement?> ClockAsync(Guid caseId, string clock)
    {
        foreach (var candidate in (await CaseAsync(caseId)).GetProperty("clocks").EnumerateArray())
        {
            if (candidate.GetProperty("name").GetString() == clock)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The case's deadlines, each with its changes, as <c>GET /api/cases/{id}/deadlines</c> shows them.</summary>
    public async Task<List<JsonElement>> CaseDeadlinesAsync(Guid caseId) =>
        (await Anyone().GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/deadlines")).EnumerateArray().ToList();

    /// <summary>The deadline of the case's clock, by name.</summary>
    public async Task<JsonElement> DeadlineAsync(Guid caseId, string clock) =>
        (await CaseDeadlinesAsync(caseId)).Single(entry => entry.GetProperty("deadline").GetProperty("clock").GetString() == clock).GetProperty("deadline");

    /// <summary>The recorded changes of the deadline of the case's clock, oldest first.</summary>
    public async Task<List<JsonElement>> DeadlineChangesAsync(Guid caseId, string clock) =>
        (await CaseDeadlinesAsync(caseId)).Single(entry => entry.GetProperty("deadline").GetProperty("clock").GetString() == clock).GetProperty("changes").EnumerateArray().ToList();

    /// <summary>Puts a case straight into a state, bypassing the workflow: for testing what each state refuses.</summary>
    public async Task ForceStateAsync(Guid caseId, string state)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE cases SET state = @state WHERE id = @id", connection);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("id", caseId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public async Task<long> CountAsync(string sql, Guid caseId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", caseId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
