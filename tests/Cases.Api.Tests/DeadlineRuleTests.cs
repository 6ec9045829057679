using System.Net;

namespace Cases.Api.Tests;

/// <summary>Administrators override a clock's deadline rule per region; new deadlines follow it, running ones keep theirs.</summary>
public sealed class DeadlineRuleTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Every_clock_has_a_default_rule_with_its_source()
    {
        var rules = (await workflow.Anyone().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/deadline-rules")).EnumerateArray().ToList();

        var lawsuit = rules.Single(rule => rule.GetProperty("clock").GetString() == "LawsuitWindow" && rule.GetProperty("isDefault").GetBoolean());
        Assert.Equal((15, "days", "Lapse"), (lawsuit.GetProperty("amount").GetInt32(), lawsuit.GetProperty("unit").GetString(), lawsuit.GetProperty("onExpiry").GetString()));
        Assert.Contains("专利法 (2020) art. 65", lawsuit.GetProperty("source").GetString());
        Assert.Equal(14, rules.Count(rule => rule.GetProperty("isDefault").GetBoolean()));
    }

    [Fact]
    public async Task A_regional_override_applies_to_new_deadlines_in_that_region_only()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var before = await workflow.FileAsync(Filings.RightsDefence("FJ"));

        var response = await workflow.As("admin", "SystemAdmin").PutAsJsonAsync("/api/deadline-rules/rights-defence/AcceptanceDecision/FJ", new
        {
            amount = 3, unit = "working-days", calendarOf = "HandlingCentre", reminderAmount = 1, reminderUnit = "working-days",
            onExpiry = "MarkOverdue", source = "Fujian centre service standard (2026)", reason = "Fujian commits to 3 working days.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var fujian = await workflow.FileAsync(Filings.RightsDefence("FJ"));
        var guangdong = await workflow.FileAsync(Filings.RightsDefence("GD"));

        Assert.Equal("2026-03-05", await LastDayAsync(fujian));
        Assert.Equal("2026-03-09", await LastDayAsync(guangdong));
        Assert.Equal("2026-03-09", await LastDayAsync(before));
        var rules = (await workflow.Anyone().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/deadline-rules")).EnumerateArray();
        Assert.Contains(rules, rule => rule.GetProperty("region").GetString() == "FJ" && rule.GetProperty("changedBy").GetString() == "admin");
    }

    [Fact]
    public async Task Overrides_are_for_system_administrators_and_must_be_honourable()
    {
        var body = new { amount = 10, unit = "days", calendarOf = "HandlingCentre", onExpiry = "TakeAction", expiryAction = "renderAward", source = "x", reason = "y" };

        var forbidden = await workflow.As("handler", "CaseHandler").PutAsJsonAsync("/api/deadline-rules/mediation-arbitration/RespondentConsent/*", body);
        var dishonourable = await workflow.As("admin", "SystemAdmin").PutAsJsonAsync("/api/deadline-rules/mediation-arbitration/RespondentConsent/*", body);
        var unknown = await workflow.As("admin", "SystemAdmin").PutAsJsonAsync("/api/deadline-rules/mediation-arbitration/NoSuchClock/*", body);
        var malformed = await workflow.As("admin", "SystemAdmin").PutAsJsonAsync("/api/deadline-rules/mediation-arbitration/RespondentConsent/XX",
            new { amount = 0, unit = "weeks", calendarOf = "Nobody", onExpiry = "Explode", source = "", reason = "" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dishonourable.StatusCode);
        Assert.Contains("takes the action 'renderAward' on expiry", (await Workflow.ProblemAsync(dishonourable)).GetProperty("brokenRules")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var errors = (await Workflow.ProblemAsync(malformed)).GetProperty("errors");
        foreach (var field in new[] { "region", "amount", "unit", "calendarOf", "onExpiry", "source", "reason" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    private async Task<string> LastDayAsync(Guid id) =>
        (await workflow.DeadlineAsync(id, "AcceptanceDecision")).GetProperty("lastDay").GetString()!;
}
