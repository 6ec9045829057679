using Cases.Domain.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Web;

/// <summary>
/// The web interface: server-rendered Razor Pages in three languages over the same commands and
/// queries as the API, each page guarded by who may use it (ADR 0017).
/// </summary>
public static class WebRegistration
{
    /// <summary>Centre staff of any role: the dashboard, the triage queue, case pages.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Mediators and arbitrators: their cases and sessions.</summary>
    public const string NeutralsPolicy = "Neutrals";

    /// <summary>Users of a key enterprise: the direct-channel portal (直通车).</summary>
    public const string EnterprisePolicy = "Enterprise";

    /// <summary>Centre and system administrators: calendars, workflows, users, the key-enterprise registry.</summary>
    public const string AdministrationPolicy = "Administration";

    /// <summary>Supervisors and administrators: the reports.</summary>
    public const string ReportsPolicy = "Reports";

    public static readonly Role[] StaffRoles = [Role.IntakeOfficer, Role.CaseHandler, Role.Mediator, Role.Arbitrator, Role.Supervisor, Role.CentreAdmin, Role.SystemAdmin];

    public static readonly Role[] NeutralRoles = [Role.Mediator, Role.Arbitrator];

    public static readonly Role[] AdministratorRoles = [Role.CentreAdmin, Role.SystemAdmin];

    public static readonly Role[] ReportRoles = [Role.Supervisor, Role.CentreAdmin, Role.SystemAdmin];

    public static IHostApplicationBuilder AddCasesWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Built from the embedded files (DI would otherwise pick the constructor taking files, with none).
        services.AddSingleton(_ => new Texts());
        // Chinese is written as characters, not as &#x…; escapes: the pages are UTF-8.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<WorkflowTerms>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(language => language.Culture).ToList();
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(Languages.SimplifiedChinese.Culture);
            options.RequestCultureProviders = [new LanguageChoice()];
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(Names(StaffRoles)))
            .AddPolicy(NeutralsPolicy, policy => policy.RequireRole(Names([.. NeutralRoles, Role.SystemAdmin])))
            .AddPolicy(EnterprisePolicy, policy => policy.RequireRole(nameof(Role.EnterpriseUser)))
            .AddPolicy(AdministrationPolicy, policy => policy.RequireRole(Names(AdministratorRoles)))
            .AddPolicy(ReportsPolicy, policy => policy.RequireRole(Names(ReportRoles)));
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff", StaffPolicy);
            options.Conventions.AuthorizeFolder("/Neutrals", NeutralsPolicy);
            options.Conventions.AuthorizeFolder("/Portal", EnterprisePolicy);
            options.Conventions.AuthorizeFolder("/Admin", AdministrationPolicy);
            options.Conventions.AuthorizeFolder("/Reports", ReportsPolicy);
        })
        .AddMvcOptions(options => options.Filters.Add<PageErrors>());
        return builder;
    }

    /// <summary>Static files come before sign-in (the sign-in form needs its stylesheet); the language after it (the centre's default needs the user).</summary>
    public static IApplicationBuilder UseCasesStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles();

    public static IApplicationBuilder UseCasesLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static IEndpointRouteBuilder MapCasesWeb(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        routes.MapPost("/language", ChooseLanguage).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>Switches the language and returns to the page the reader was on; the choice is remembered.</summary>
    public static IResult ChooseLanguage([FromForm] string? code, [FromForm] string? returnUrl, HttpContext context)
    {
        var language = Languages.FromCode(code);
        if (language is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = [$"'code' must be one of {string.Join(", ", Languages.All.Select(known => known.Code))}."],
            });
        }

        LanguageChoice.Remember(context.Response, language);
        return TypedResults.LocalRedirect(LocalPaths.OrHome(returnUrl));
    }

    private static string[] Names(IEnumerable<Role> roles) => [.. roles.Select(role => role.ToString())];
}
