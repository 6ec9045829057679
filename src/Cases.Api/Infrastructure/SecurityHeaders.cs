namespace Cases.Api.Infrastructure;

/// <summary>
/// Headers that tell browsers to hold back: no sniffing content types, no framing, no referrer, no
/// script or style from elsewhere, no device features, HTTPS only once seen over HTTPS, and no
/// caching of API responses (they carry personal data). Set when the response starts, so that
/// error responses (which the exception handler writes after clearing the headers) carry them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Everything served is our own; nothing may frame it, post it elsewhere or load plugins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>
    /// The API page (Swagger UI) loads only its own files, but its widgets set inline style
    /// attributes and its stylesheet draws icons from data: URLs; it still runs no inline script.
    /// </summary>
    public const string ApiPageContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>A year, subdomains included: once a browser has reached Cases over HTTPS it never falls back to HTTP.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>First in the pipeline, so that every response, errors and rejections included, carries the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var request = context.Request;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = request.Path.StartsWithSegments("/api-docs") ? ApiPageContentSecurityPolicy : ContentSecurityPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                if (request.Path.StartsWithSegments("/api"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
