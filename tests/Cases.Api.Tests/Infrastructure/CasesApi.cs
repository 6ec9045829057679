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
            using var client = CreateClient();
            await RegisterCentresAsync(client);
        }
    }

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
