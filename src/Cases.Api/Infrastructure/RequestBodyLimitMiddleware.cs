namespace Cases.Api.Infrastructure;

/// <summary>
/// Refuses a declared oversized body with 413 before anything reads it. Kestrel's own limit
/// (set to the same size) stops bodies that don't declare their length.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > ApiRegistration.MaximumRequestBodyBytes)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"The request body is {context.Request.ContentLength} bytes; at most {ApiRegistration.MaximumRequestBodyBytes} bytes are accepted.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
