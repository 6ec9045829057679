using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cases.Api.Infrastructure;

/// <summary>Settings of the rate limits, from the configuration section <c>Cases:RateLimits</c> (ADR 0014).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Cases:RateLimits";

    /// <summary>Changes (POST, PUT, PATCH, DELETE under /api) one caller may make a minute, in bursts of up to as many.</summary>
    public int WritesPerMinute { get; set; } = 120;

    /// <summary>Sign-in attempts (token or form) one client address may make a minute: slows password guessing across accounts.</summary>
    public int SignInsPerMinute { get; set; } = 10;
}

/// <summary>
/// ASP.NET Core's rate limiter, in two partitions: a caller's changes (by user, else by address) and sign-in attempts by client address. Each is a token bucket holding a
/// minute's allowance and refilled one request at a time, so a client that waits the Retry-After it
/// was told gets the next request through. Reads are not limited: they change nothing and the
/// triage queue is polled. Limits are per node: behind a load balancer of n nodes a client may get
/// up to n times as much, which is fine for limits meant to stop runaway scripts and guessing.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddCasesRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .Validate(limits => limits.WritesPerMinute > 0 && limits.SignInsPerMinute > 0, $"{RateLimitOptions.SectionName}: every limit must be at least 1 a minute.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authentication (writes are counted per caller), before authorization (anonymous writes are counted too).</summary>
    public static IApplicationBuilder UseCasesRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (IsSignIn(context.Request))
        {
            return Bucket($"sign-in:{ClientAddress(context)}", limits.SignInsPerMinute);
        }

        return IsWrite(context.Request)
            ? Bucket($"write:{Caller(context)}", limits.WritesPerMinute)
            : RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            // Refilled at least a second apart: a bucket's timer fires every period, and a period of
            // a minute divided by a large limit would fire thousands of times a second.
            TokensPerPeriod = Math.Max(1, perMinute / 60),
            ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
            // Refused at once, never held: a queued request would only tie up a connection.
            QueueLimit = 0,
        });

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.Equals("/api/auth/token", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase));

    private static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method));

    /// <summary>
    /// One allowance per signed-in user, whichever of their tokens or cookies they use (minting
    /// more tokens must not multiply it); the address's for anyone else.
    /// </summary>
    private static string Caller(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } user ? $"user:{user}"
        : $"address:{ClientAddress(context)}";

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var limit = IsSignIn(context.Request)
            ? $"at most {limits.SignInsPerMinute} sign-in attempts a minute from one address"
            : $"at most {limits.WritesPerMinute} changes a minute from one caller";
        await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"Cases accepts {limit}. Try again in {seconds} second{(seconds == 1 ? string.Empty : "s")}.",
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds })
            .ExecuteAsync(context);
    }
}
