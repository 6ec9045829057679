using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Cases.Workflows.Pipeline;

/// <summary>Outermost behaviour: names each request, how long it took and whether it failed.</summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            LogHandled(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            // Only the request's type name is logged, never its content: it carries personal data.
            LogFailed(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMilliseconds:F1} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed after {ElapsedMilliseconds:F1} ms with {Exception}")]
    private static partial void LogFailed(ILogger logger, string request, double elapsedMilliseconds, string exception);
}
