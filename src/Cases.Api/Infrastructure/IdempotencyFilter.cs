using System.Security.Cryptography;
using System.Text;
using Cases.Workflows.Access;
using Cases.Workflows.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> header of the endpoints that create or change a case (ADR 0014): a
/// retry with the same key and the same request gets the first response again, marked
/// <c>Idempotency-Replayed: true</c>, and changes nothing. This filter checks the header, takes
/// the request's fingerprint and hands both to <see cref="IdempotentRequest"/>; the transaction
/// participant <see cref="IdempotencyKeys"/> does the rest inside the command's transaction.
/// </summary>
public static class Idempotency
{
    public const string KeyHeader = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotency-Replayed";

    public const int MaximumKeyLength = 255;

    /// <summary>What the API page says about the header, on each endpoint that takes it.</summary>
    public const string Description =
        "Send an Idempotency-Key header (1–255 printable ASCII characters, e.g. a UUID) to make retries safe: a retry with the same key " +
        "and the same body returns the first response (status, body and Location) with the header Idempotency-Replayed: true and changes " +
        "nothing; the same key with another body or on another path is a 422. A key is consumed only when the request succeeds: after a " +
        "400, 403, 404, 409 or 422 nothing was stored and the same key may be retried with a corrected request. Keys are each user's own " +
        "and are remembered for 24 hours.";

    /// <summary>
    /// Takes an <c>Idempotency-Key</c> on this endpoint. <paramref name="respond"/> turns the
    /// command's result into the endpoint's response, to be stored with the change for replays; it
    /// must be the very conversion the endpoint itself makes.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotencyKey<TResult>(this RouteHandlerBuilder endpoint, Func<TResult, IResult> respond) =>
        endpoint.AddEndpointFilter(new IdempotencyFilter<TResult>(respond)).WithMetadata(new IdempotencyKeyMetadata());

    /// <summary>
    /// The fingerprint covers the body as sent, but binding reads the body before any endpoint
    /// filter runs: a request with a key keeps its body (at most 1 MiB) to be read again.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(KeyHeader))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });

    /// <summary>Documents the header, and what a failed first attempt means for the key, on the endpoints that take it.</summary>
    public static Task DescribeIdempotencyKey(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = KeyHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = Description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = MaximumKeyLength, Pattern = "^[\\x20-\\x7E]+$" },
        });
        operation.Description = string.IsNullOrEmpty(operation.Description) ? Description : $"{operation.Description} {Description}";
        return Task.CompletedTask;
    }

    /// <summary>Null for a well-formed key, otherwise why it is not.</summary>
    internal static string? Problem(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count != 1)
        {
            return $"'{KeyHeader}' must be given once.";
        }

        var key = values[0] ?? string.Empty;
        return key.Length is 0 or > MaximumKeyLength || key.Any(character => character is < ' ' or > '~')
            ? $"'{KeyHeader}' must be 1 to {MaximumKeyLength} printable ASCII characters."
            : null;
    }

    /// <summary>SHA-256 of method, path and body: what the key is taken to mean.</summary>
    internal static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Runs an endpoint's result against a scratch context to capture exactly what it would send.</summary>
    internal static async Task<StoredResponse> CaptureAsync(HttpContext context, IResult result)
    {
        var scratch = new DefaultHttpContext { RequestServices = context.RequestServices };
        using var body = new MemoryStream();
        scratch.Response.Body = body;
        await result.ExecuteAsync(scratch);
        var location = scratch.Response.Headers.Location.ToString();
        return new StoredResponse(
            scratch.Response.StatusCode,
            location.Length == 0 ? null : location,
            scratch.Response.ContentType,
            Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>Marks the endpoints that take the header, for the OpenAPI document.</summary>
    private sealed class IdempotencyKeyMetadata;
}

/// <summary>The per-endpoint filter <see cref="Idempotency.WithIdempotencyKey{TResult}"/> adds.</summary>
internal sealed class IdempotencyFilter<TResult>(Func<TResult, IResult> respond) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Idempotency.KeyHeader, out var values))
        {
            return await next(context);
        }

        if (Idempotency.Problem(values) is { } problem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [Idempotency.KeyHeader] = [problem] },
                detail: problem,
                title: "One or more fields are invalid");
        }

        // The fallback policy lets no one without a user id this far; a key then has no owner to belong to.
        if (CasesPrincipal.UserId(http.User) is not { } userId)
        {
            return await next(context);
        }

        var fingerprint = await Idempotency.FingerprintAsync(http.Request, http.RequestAborted);
        http.RequestServices.GetRequiredService<IdempotentRequest>().Use(
            userId,
            values[0]!,
            fingerprint,
            (result, _) => Idempotency.CaptureAsync(http, respond((TResult)result!)));
        try
        {
            return await next(context);
        }
        catch (IdempotentReplayException replay)
        {
            return new ReplayedResponse(replay.Response);
        }
    }

    /// <summary>The stored response, as first sent, marked as a replay.</summary>
    private sealed class ReplayedResponse(StoredResponse stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = stored.Status;
            response.Headers[Idempotency.ReplayedHeader] = "true";
            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            if (stored.ContentType is not null)
            {
                response.ContentType = stored.ContentType;
            }

            await response.WriteAsync(stored.Body, Encoding.UTF8, httpContext.RequestAborted);
        }
    }
}
