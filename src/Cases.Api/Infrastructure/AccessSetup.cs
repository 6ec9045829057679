using Cases.Workflows.Audit;
using Cases.Workflows.Pipeline;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Who may call what: a bearer token (API clients) or Identity's sign-in cookie (the web UI), one
/// fallback policy requiring a signed-in user on every endpoint not marked anonymous, and
/// antiforgery on anything a cookie could be made to send.
/// </summary>
public static class AccessSetup
{
    /// <summary>Picks the bearer handler when the request carries a token, the cookie otherwise.</summary>
    public const string SchemeName = "Cases";

    /// <summary>The header a cookie-signed-in page sends its antiforgery token in when it calls the API.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddCasesAccessControl(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // Outside a request (start-up seeding, timers) the actor is the system itself.
        services.AddScoped<ICurrentActor>(provider => provider.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? SystemActor.Instance
            : ActivatorUtilities.CreateInstance<HttpCurrentActor>(provider));
        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();
        services.AddDataProtection().SetApplicationName("Cases");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new PostgresKeyRepository(provider.GetRequiredService<NpgsqlDataSource>())));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "cases.antiforgery";
        });

        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Bearer token or sign-in cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AccessTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, configureOptions: null)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "cases.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/status/403";
                // The API answers 401 and 403 with problem details; only pages redirect to the sign-in form.
                options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = WithdrawnEnterpriseCookies.RejectAsync;
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A cookie is sent by the browser whoever made the page, so a change made with the sign-in
    /// cookie must also carry the antiforgery token; a bearer token cannot be forged that way.
    /// </summary>
    public static IApplicationBuilder UseCookieForgeryProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api")
                && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
                && context.User.Identity is { IsAuthenticated: true, AuthenticationType: not AccessTokenAuthenticationHandler.SchemeName })
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await TypedResults.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "Antiforgery token missing or invalid",
                        detail: $"A change made with the sign-in cookie must carry the page's antiforgery token in the {AntiforgeryHeader} header.")
                        .ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
}
