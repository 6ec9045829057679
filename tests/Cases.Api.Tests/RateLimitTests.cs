using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests;

/// <summary>The application with low rate limits, and client addresses the tests choose.</summary>
public sealed class LowRateLimitsApi : CasesApi
{
    public const int WritesPerMinute = 4;

    public const int SignInsPerMinute = 3;

    /// <summary>The test server has no client address; this header gives it one.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Cases:RateLimits:WritesPerMinute"] = WritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cases:RateLimits:SignInsPerMinute"] = SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // Only the centre the filings go to, so that setting up stays within the low limits.
    protected override bool RegisterCentres => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var client = ClientAs(this, "setup.admin", "SystemAdmin");
        var registered = await client.PostAsJsonAsync("/api/centres", new { code = "GD", region = "GD", name = "Guangdong protection centre" });
        registered.EnsureSuccessStatusCode();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Rate limits (ADR 0014): a caller's changes per minute, sign-in attempts per address per minute;
/// a refusal is a 429 with Retry-After and problem details.
/// </summary>
public sealed class RateLimitTests(LowRateLimitsApi api) : IClassFixture<LowRateLimitsApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task The_write_after_a_minutes_allowance_is_429_with_Retry_After_while_reads_and_other_users_go_on()
    {
        var limited = workflow.As("busy.writer", "IntakeOfficer");
        for (var write = 1; write <= LowRateLimitsApi.WritesPerMinute; write++)
        {
            var allowed = await limited.PostAsJsonAsync("/api/cases", Filings.RightsDefence(title: $"Write {write}"));
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }

        var refused = await limited.PostAsJsonAsync("/api/cases", Filings.RightsDefence(title: "One write too many"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        // One request's worth of a minute's allowance: 60 s / 4.
        Assert.InRange(retryAfter, 1, 15);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await Workflow.ProblemAsync(refused);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains($"at most {LowRateLimitsApi.WritesPerMinute} changes a minute", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await workflow.CountAsync("SELECT count(*) FROM cases WHERE title = 'One write too many' AND id <> @id", Guid.Empty));

        // Reads are not limited, and another user has an allowance of their own.
        for (var read = 0; read < 2 * LowRateLimitsApi.WritesPerMinute; read++)
        {
            Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("/api/cases")).StatusCode);
        }

        var other = await workflow.As("quiet.writer", "IntakeOfficer").PostAsJsonAsync("/api/cases", Filings.RightsDefence(title: "Another user's write"));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_and_other_addresses_are_not()
    {
        var client = api.CreateClient();

        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt <= LowRateLimitsApi.SignInsPerMinute; attempt++)
        {
            last = await SignInAsync(client, "203.0.113.7");
            if (attempt < LowRateLimitsApi.SignInsPerMinute)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, last.StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(int.Parse(Assert.Single(last.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("sign-in attempts a minute from one address", (await Workflow.ProblemAsync(last)).GetProperty("detail").GetString());

        // The sign-in form shares the address's allowance.
        using var form = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "nobody", ["password"] = "wrong" }) };
        form.Headers.Add(LowRateLimitsApi.ClientAddressHeader, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(form)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "198.51.100.20")).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = "nobody", password = "not the password" }) };
        request.Headers.Add(LowRateLimitsApi.ClientAddressHeader, address);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
