using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Api.Endpoints;
using Cases.Api.Infrastructure;
using Cases.Api.Web;
using Cases.Workflows.Calendars;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Demo;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Persistence.Migrations;
using Cases.Workflows.Pipeline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Cases.Api;

public static class ApiRegistration
{
    /// <summary>Request bodies larger than this are refused with 413 before they are read.</summary>
    public const long MaximumRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddCasesApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Bad JSON reaches the exception handler, which can then name the bad field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaximumRequestBodyBytes);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Cases API";
                document.Info.Description = "Case management for the IP protection centres of the Pan-Pearl-River-Delta (9+2).";
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(OpenApiSchemas.DescribeEnumsAsNames);
            options.AddSchemaTransformer(OpenApiSchemas.DescribeCentreCodesAsText);
            options.AddOperationTransformer(Idempotency.DescribeIdempotencyKey);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddCasesAccessControl();
        services.AddCasesRateLimits();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        // An unknown enum name, an unknown field or a field given twice is an error, never a guess.
        options.Converters.Add(new EnumNameJsonConverterFactory());
        options.Converters.Add(new CentreCodeJsonConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
    }

    public static WebApplication UseCasesApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A page's unexpected error shows the status page (ProblemDetailsExceptionHandler declines it, after logging it masked).
            ExceptionHandlingPath = "/status/500",
            // The handler logs every unexpected error with personal data masked; the middleware's own log would not mask it.
            SuppressDiagnosticsCallback = _ => true,
            // What the status page says: a refused form (a stale antiforgery token) is not "something went wrong".
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException badRequest => badRequest.StatusCode,
                Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        // The API answers an empty error with problem details; a page with the status page in the reader's language.
        app.UseWhen(context => !IsPage(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => IsPage(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        // Routing after the status pages, so that a re-executed request is routed to the status page.
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseIdempotencyKeyBuffering();
        // The API page is public, like the document it reads: served before the fallback policy applies.
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Cases API v1");
            options.RoutePrefix = "api-docs";
            options.DocumentTitle = "Cases API";
        });
        app.UseCasesStaticFiles();
        app.UseAuthentication();
        app.UseCasesLanguages();
        app.UseCasesRateLimits();
        app.UseAuthorization();
        app.UseCookieForgeryProtection();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapAccountEndpoints();
        app.MapCaseEndpoints();
        app.MapDeadlineEndpoints();
        app.MapCentreEndpoints();
        app.MapWorkflowEndpoints();
        app.MapCalendarEndpoints();
        app.MapAuditEndpoints();
        app.MapEnterpriseEndpoints();
        app.MapReportEndpoints();
        app.MapCasesWeb();
        return app;
    }

    /// <summary>Whether a request is for the web interface rather than the API or its documents.</summary>
    public static bool IsPage(HttpRequest request) => IsPage(request.Path);

    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/healthz");

    /// <summary>Migrates, optionally seeds, then serves — or only migrates, for <c>./cases migrate</c>.</summary>
    public static async Task<int> RunCasesAsync(this WebApplication app, CasesCommandLine commandLine)
    {
        // Builds and checks every workflow definition: an invalid one stops the application here, naming the check it breaks.
        var workflows = app.Services.GetRequiredService<WorkflowCatalog>();
        app.Logger.LogInformation("Workflows: {Workflows}", string.Join(", ", workflows.All));
        // Likewise the deadline rule of every clock: a clock without one, or a rule the workflow can't honour, stops it here.
        app.Services.GetRequiredService<DeadlineRuleCatalog>();
        var migrateOnStartup = app.Configuration.GetValue("Database:MigrateOnStartup", true);
        if (migrateOnStartup || commandLine.MigrateOnly)
        {
            var applied = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
            app.Logger.LogInformation("Database is up to date ({Applied} migrations applied now)", applied.Count);
            await app.Services.GetRequiredService<PinnedWorkflowCheck>().EnsureEveryCaseHasItsWorkflowAsync(CancellationToken.None);
        }

        // Whatever the migration setting: a node must not compute deadlines on calendars it ships but the database lacks.
        await LoadShippedCalendarsAsync(app);
        if (commandLine.MigrateOnly)
        {
            return 0;
        }

        if (commandLine.SeedDemoData)
        {
            await SeedDemoAsync(app);
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>The configuration key (and environment variable) of the demo accounts' password.</summary>
    public const string DemoPasswordKey = "CASES_DEMO_PASSWORD";

    /// <summary>
    /// Demo centres, cases and accounts. The accounts' password comes from CASES_DEMO_PASSWORD, or
    /// is generated and printed to the console (never to the log).
    /// </summary>
    private static async Task SeedDemoAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        app.Logger.LogInformation("Demo data: {Centres} centres and {Cases} cases added", seeded.CentresAdded, seeded.CasesAdded);

        var given = app.Configuration[DemoPasswordKey];
        var password = string.IsNullOrEmpty(given) ? DemoAccounts.GeneratePassword() : given;
        int created;
        try
        {
            created = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAccountsAsync(password, CancellationToken.None);
        }
        catch (FluentValidation.ValidationException refused)
        {
            throw new InvalidOperationException($"{DemoPasswordKey} is not an acceptable password: {string.Join(" ", refused.Errors.Select(error => error.ErrorMessage))}", refused);
        }

        app.Logger.LogInformation("Demo accounts: {Created} created; every demo account's password was set", created);
        var accounts = DemoAccounts.StaffAccounts().Select(account => $"{account.UserName} ({account.Role}{(account.Centre is { } centre ? $", {centre}" : string.Empty)})")
            .Concat(DemoDataSeeder.EnterpriseAccounts.Select(account => $"{account.UserName} (EnterpriseUser, {account.EnterpriseName})"));
        Console.WriteLine($"Demo accounts: {string.Join(", ", accounts)}");
        Console.WriteLine(string.IsNullOrEmpty(given)
            ? $"Demo password (generated; set {DemoPasswordKey} to choose one): {password}"
            : $"Demo password: the value of {DemoPasswordKey}");
    }

    private static async Task LoadShippedCalendarsAsync(WebApplication app)
    {
        try
        {
            var loaded = await app.Services.GetRequiredService<CalendarLoader>().LoadShippedYearsAsync(CancellationToken.None);
            app.Logger.LogInformation("Calendars: {Loaded} shipped years loaded now", loaded.Count);
        }
        catch (Npgsql.NpgsqlException exception)
        {
            // The database is unreachable or not yet migrated (migrations off here): serve anyway,
            // /healthz says so, and deadline requests fail on the missing calendars rather than guess.
            app.Logger.LogWarning(exception, "Calendars: the shipped years could not be loaded now");
        }
    }
}
