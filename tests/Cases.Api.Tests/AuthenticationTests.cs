using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests;

/// <summary>Sign-in (token and cookie), the password policy, lockout, and that nothing but the public pages answers without it.</summary>
public sealed partial class AuthenticationTests(CasesApi api) : IClassFixture<CasesApi>
{
    private const string Password = "Correct-Horse-7-Battery";

    [Fact]
    public async Task A_token_from_the_token_endpoint_signs_the_API_in_as_that_user()
    {
        await CreateUserAsync("gd.handler.token", "CaseHandler", "GD");

        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "gd.handler.token", password = Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(8 * 3600, body.GetProperty("expires_in").GetInt32());
        var token = body.GetProperty("access_token").GetString()!;
        Assert.StartsWith("cs_", token, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM access_tokens WHERE position(convert_to($1, 'UTF8') in hash) > 0 OR prefix = $1", token));

        using var client = Bearer(token);
        var filed = await client.PostAsJsonAsync("/api/cases", Filings.RightsDefence("GD"));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal("gd.handler.token", (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("filedBy").GetString());
    }

    [Theory]
    [InlineData("gd.handler.wrong", "Wrong-password-123")]
    [InlineData("nobody.at.all", Password)]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401(string username, string password)
    {
        await CreateUserAsync("gd.handler.wrong", "CaseHandler", "GD");

        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await Workflow.ProblemAsync(response);
        Assert.Equal("Sign-in failed", problem.GetProperty("title").GetString());
        Assert.Equal("The username or password is wrong, or the account is locked for now. Try again later.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_request_without_username_or_password_names_both_fields()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "", password = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_out_of_sign_in_but_leave_its_issued_tokens_working()
    {
        await CreateUserAsync("gd.locked", "CaseHandler", "GD");
        using var client = Bearer(await TokenAsync("gd.locked", Password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "gd.locked", password = "Not-the-password-1" })).StatusCode);
        }

        var right = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "gd.locked", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM users WHERE user_name = $1 AND lockout_end > now()", "gd.locked"));
        // Someone guessing the password must not cut off the sessions and integrations already signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task A_session_token_expires_after_eight_hours_by_the_application_clock()
    {
        await CreateUserAsync("gd.expiring", "CaseHandler", "GD");
        using var client = Bearer(await TokenAsync("gd.expiring", Password));
        var issuedAt = api.Clock.GetUtcNow();
        try
        {
            api.Clock.Set(issuedAt.AddHours(8).AddSeconds(-1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);
            api.Clock.Set(issuedAt.AddHours(8));
            var expired = await client.GetAsync("/api/cases");
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
            Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.Single().Scheme);
        }
        finally
        {
            api.Clock.Set(issuedAt);
        }
    }

    [Theory]
    [InlineData("short1A", "passwordTooShort")]
    [InlineData("all-lower-case-and-long", "passwordRequiresUpper")]
    [InlineData("NoDigitsInThisOneAtAll", "passwordRequiresDigit")]
    public async Task A_weak_password_is_refused_naming_the_password_field(string password, string _)
    {
        var response = await api.Admin().PostAsJsonAsync("/api/users", new { userName = $"weak.{Guid.NewGuid():N}", displayName = "Weak", password, roles = new[] { "CaseHandler" }, centre = "GD" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Workflow.ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("password", out var messages), errors.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task A_centre_administrator_creates_accounts_at_their_own_centre_only()
    {
        var gdAdmin = api.ClientAs(api, "gd.centreadmin.accounts", "CentreAdmin", centre: "GD");

        var own = await gdAdmin.PostAsJsonAsync("/api/users", new { userName = "gd.new.mediator", displayName = "New mediator", password = Password, roles = new[] { "Mediator" }, centre = "GD" });
        var other = await gdAdmin.PostAsJsonAsync("/api/users", new { userName = "hk.new.mediator", displayName = "HK mediator", password = Password, roles = new[] { "Mediator" }, centre = "HK" });
        var administrator = await gdAdmin.PostAsJsonAsync("/api/users", new { userName = "gd.new.admin", displayName = "Admin", password = Password, roles = new[] { "SystemAdmin" }, centre = (string?)null });
        var again = await gdAdmin.PostAsJsonAsync("/api/users", new { userName = "gd.new.mediator", displayName = "Twice", password = Password, roles = new[] { "Mediator" }, centre = "GD" });
        var handler = await api.ClientAs(api, "gd.plain.handler", "CaseHandler", centre: "GD").PostAsJsonAsync("/api/users", new { userName = "gd.sneaky", displayName = "Sneaky", password = Password, roles = new[] { "CaseHandler" }, centre = "GD" });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("CentreAdministratorMustManageOnlyTheirOwnCentreRule", (await other.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, administrator.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM users WHERE user_name IN ('hk.new.mediator', 'gd.new.admin', 'gd.sneaky')"));
        var listed = await gdAdmin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.All(listed.EnumerateArray(), user => Assert.Equal("GD", user.GetProperty("centre").GetString()));
        Assert.Contains(listed.EnumerateArray(), user => user.GetProperty("userName").GetString() == "gd.new.mediator"
            && user.GetProperty("roles").EnumerateArray().Single().GetString() == "Mediator");
    }

    [Fact]
    public async Task Staff_accounts_need_a_centre_and_may_not_hold_the_enterprise_role()
    {
        var response = await api.Admin().PostAsJsonAsync("/api/users", new { userName = "no.centre", displayName = "No centre", password = Password, roles = new[] { "CaseHandler", "EnterpriseUser" }, centre = (string?)null });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rules = (await Workflow.ProblemAsync(response)).GetProperty("brokenRules").EnumerateArray().Select(rule => rule.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["StaffMustBelongToACentreRule", "StaffMustNotHoldTheEnterpriseRoleRule"], rules);
    }

    [Fact]
    public async Task Every_endpoint_but_health_sign_in_and_the_API_description_refuses_a_caller_who_has_not_signed_in()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (endpoint, method)))
            .ToList();
        var anonymous = new List<string>();
        var unprotected = new List<string>();
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (endpoint, method) in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add($"{method} {route}");
                continue;
            }

            var path = RouteParameter().Replace(route, match => match.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "GD");
            using var request = new HttpRequestMessage(new HttpMethod(method), path.StartsWith('/') ? path : "/" + path);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            using var response = await client.SendAsync(request);
            // Pages send the visitor to the sign-in form instead.
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (!path.StartsWith("/api", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/signin", StringComparison.Ordinal));
            if (!refused)
            {
                unprotected.Add($"{method} {route}: {(int)response.StatusCode}");
            }
        }

        Assert.True(unprotected.Count == 0, string.Join("\n", unprotected));
        // Pages (signin, status) answer every method; their routes are written without the leading slash.
        Assert.Equal(["GET /healthz", "GET /openapi/{documentName}.json", "GET signin", "GET status/{code:int}", "POST /api/auth/token", "POST /language"], anonymous.Order(StringComparer.Ordinal));
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
    }

    [Fact]
    public async Task The_web_sign_in_form_sets_a_cookie_and_changes_through_it_need_the_antiforgery_token()
    {
        await CreateUserAsync("gd.cookie", "CaseHandler", "GD");
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var page = await browser.GetStringAsync("/signin?returnUrl=/api/cases");
        var formToken = FormToken().Match(page).Groups["token"].Value;
        Assert.NotEmpty(formToken);

        var forged = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "gd.cookie", ["password"] = Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var wrong = await browser.PostAsync("/signin", Form(formToken, "gd.cookie", "Wrong-password-9"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("role=\"alert\"", await wrong.Content.ReadAsStringAsync());

        var signedIn = await browser.PostAsync("/signin", Form(formToken, "gd.cookie", Password, returnUrl: "/api/cases"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/api/cases", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/cases")).StatusCode);

        var withoutToken = await browser.PostAsJsonAsync("/api/cases", Filings.RightsDefence("GD"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", (await Workflow.ProblemAsync(withoutToken)).GetProperty("detail").GetString());

        // A page served to the signed-in user carries a token bound to them; the sign-in page's was the anonymous visitor's.
        var userToken = FormToken().Match(await browser.GetStringAsync("/signin")).Groups["token"].Value;
        using var withAnonymousToken = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(Filings.RightsDefence("GD")) };
        withAnonymousToken.Headers.Add("X-CSRF-TOKEN", formToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendAsync(withAnonymousToken)).StatusCode);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(Filings.RightsDefence("GD")) };
        withToken.Headers.Add("X-CSRF-TOKEN", userToken);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withToken)).StatusCode);

        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = userToken }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_returns_only_to_a_page_of_this_site()
    {
        await CreateUserAsync("gd.redirect", "CaseHandler", "GD");
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var formToken = FormToken().Match(await browser.GetStringAsync("/signin")).Groups["token"].Value;

        var response = await browser.PostAsync("/signin", Form(formToken, "gd.redirect", Password, returnUrl: "https://evil.example/phish"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static FormUrlEncodedContent Form(string formToken, string username, string password, string? returnUrl = null) =>
        new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = formToken,
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "/",
        });

    private async Task CreateUserAsync(string userName, string role, string centre)
    {
        if (await CountAsync("SELECT count(*) FROM users WHERE user_name = $1", userName) > 0)
        {
            return;
        }

        var response = await api.Admin().PostAsJsonAsync("/api/users", new { userName, displayName = userName, password = Password, roles = new[] { role }, centre });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> TokenAsync(string username, string password)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private HttpClient Bearer(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*? value=""(?<token>[^""]+)""")]
    private static partial Regex FormToken();
}
