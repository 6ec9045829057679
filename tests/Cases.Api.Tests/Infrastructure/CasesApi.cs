using System.Net.Http.Json;
using Cases.Domain.Regions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Cases.Workflows.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// The whole application over its own migrated database, with a fixed clock and the 11 regional
/// centres registered. One per test class (<c>IClassFixture</c>).
/// </summary>
public class CasesApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>2026-03-02 09:30 in the 9+2 (UTC+8), a Monday.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(DefaultNow);

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The accounts and tokens tests sign in with.</summary>
    public TestAccounts Accounts => accounts ??= new TestAccounts(ConnectionString);

    private TestAccounts? accounts;

    /// <summary>The deadline processor every node of this database runs when a timer fires.</summary>
    public DeadlineProcessorRuns DeadlineProcessor { get; } = new();

    /// <summary>The deadline wake-ups every node of this database ran.</summary>
    public WakeUpLog WakeUps { get; } = new();

    /// <summary>Configuration every node of this database starts with, e.g. shorter timer intervals.</summary>
    public virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected virtual bool RegisterCentres => true;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateMigratedAsync();
        if (RegisterCentres)
        {
            using var client = ClientAs(this, "setup.admin", "SystemAdmin");
            await RegisterCentresAsync(client);
        }
    }

    /// <summary>
    /// A client of <paramref name="node"/> signed in as <paramref name="user"/> with a bearer token,
    /// in the given roles (comma-separated), at a centre or of an enterprise. Staff named without a
    /// centre work at GD, where the filings start by default; a system administrator belongs to none.
    /// </summary>
    public HttpClient ClientAs(WebApplicationFactory<Program> node, string user, string roles, string? centre = null, Guid? enterprise = null)
    {
        var names = roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (centre is null && enterprise is null && !names.Contains("SystemAdmin") && !names.SequenceEqual(["EnterpriseUser"]))
        {
            centre = "GD";
        }

        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Accounts.TokenFor(user, names, centre, enterprise));
        return client;
    }

    /// <summary>A system administrator's client of this node: sees every centre's cases, holds every role.</summary>
    public HttpClient Admin() => ClientAs(this, "tester", Workflow.AllRoles);

    /// <summary>
    /// Registers the 11 regional centres through the given node's client: for fixtures that do not
    /// register them at start because their own node must not start (e.g. timer tests that restart nodes).
    /// </summary>
    public static async Task RegisterCentresAsync(HttpClient client)
    {
        foreach (var region in Region.All)
        {
            var response = await client.PostAsJsonAsync("/api/centres", new { code = region.Code, region = region.Code, name = $"{region.EnglishName} protection centre" });
            response.EnsureSuccessStatusCode();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        ConfigureNode(builder);
    }

    /// <summary>What every node of this database shares: the database, the clock, the settings and the timer probes.</summary>
    public void ConfigureNode(IWebHostBuilder builder)
    {
        builder.UseSetting("CASES_DB", ConnectionString);
        // Tests change far faster than people do (e.g. every illegal action of a workflow in a few
        // seconds, under one test user): the limits are lifted unless a fixture's Settings set them.
        builder.UseSetting("Cases:RateLimits:WritesPerMinute", "1000000");
        builder.UseSetting("Cases:RateLimits:SignInsPerMinute", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<DueDeadlineProcessor>();
            services.AddSingleton<IDueDeadlineProcessor>(provider => new RecordingDueDeadlineProcessor(provider.GetRequiredService<DueDeadlineProcessor>(), DeadlineProcessor, Clock));
            services.AddSingleton<ILoggerProvider>(WakeUps);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabases.DropAsync(ConnectionString);
    }
}
