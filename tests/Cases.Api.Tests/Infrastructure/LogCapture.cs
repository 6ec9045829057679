using System.Collections.Concurrent;
using Cases.Domain.Cases;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.GetCase;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>One log entry as written: everything a log sink could store of it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception, string State)
{
    public string AllText => $"{Category} {Level} {Message} {State} {Exception}";
}

/// <summary>Every log entry of every category, down to Trace, of the nodes it is registered with.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : state?.ToString() ?? string.Empty;
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), values));
        }
    }
}

/// <summary>
/// A node that logs everything, at Trace, into <see cref="Logs"/>; and whose reading of the case
/// <see cref="FailingCaseId"/> fails with an exception whose message holds personal data, as a bug
/// echoing input would.
/// </summary>
public sealed class CasesApiCapturingLogs : CasesApi
{
    public static readonly Guid FailingCaseId = new("0199aaaa-0000-7000-8000-000000000001");

    public const string FailureMessage = "Could not notify Lingnan Clean Air Technology Co., Ltd. at +86 20 8888 0000 about 91440101MA59XXXX1K";

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFilter<LogCapture>(null, LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddScoped<IPipelineBehavior<GetCaseQuery, AudienceCaseView>, FailingRead>();
        });
    }

    private sealed class FailingRead : IPipelineBehavior<GetCaseQuery, AudienceCaseView>
    {
        public Task<AudienceCaseView> Handle(GetCaseQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<AudienceCaseView> next) =>
            request.CaseId == new CaseId(FailingCaseId) ? throw new InvalidOperationException(FailureMessage) : next();
    }
}
