using Cases.Domain.Deadlines;
using Cases.Workflows.Deadlines.ExpireDeadline;
using Cases.Workflows.Deadlines.SendDeadlineReminder;
using Cases.Workflows.Pipeline;
using Cases.Workflows.Scheduling;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cases.Workflows.Deadlines;

/// <summary>
/// Finds the deadlines whose reminder or expiry is due at the injected time and sends one
/// idempotent command each, a few at a time in parallel, each in its own transaction. A command
/// that loses a race (another node, or a step on the case at the same moment) changes nothing;
/// one that fails is logged and retried by the next run, without holding up the others.
/// </summary>
public sealed class DueDeadlineProcessor(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<DeadlineTimerOptions> options,
    ILogger<DueDeadlineProcessor> logger) : IDueDeadlineProcessor
{
    private const int BatchSize = 2_000;

    private const string DueReminders = """
        SELECT id, remind_at FROM deadlines
        WHERE status = 'Running' AND reminded_at IS NULL AND remind_at <= $1 AND due_at > $1
        ORDER BY remind_at LIMIT $2
        """;

    private const string DueExpiries = """
        SELECT id, due_at FROM deadlines
        WHERE status = 'Running' AND due_at <= $1
        ORDER BY due_at LIMIT $2
        """;

    public async Task<DueDeadlinesProcessed> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reminded = await ProcessAsync(DueReminders, now, (id, at) => new SendDeadlineReminderCommand(id, at), cancellationToken);
        var expired = await ProcessAsync(DueExpiries, now, (id, at) => new ExpireDeadlineCommand(id, at), cancellationToken);
        if (reminded + expired > 0)
        {
            logger.LogInformation("Deadlines due by {Now:O}: {Reminded} reminders sent, {Expired} expired", now, reminded, expired);
        }

        return new DueDeadlinesProcessed(reminded, expired);
    }

    private async Task<int> ProcessAsync(string query, DateTimeOffset now, Func<DeadlineId, DateTimeOffset, ICommand<DeadlineTimerOutcome>> command, CancellationToken cancellationToken)
    {
        var parallelism = Math.Max(1, options.Value.Parallelism);
        var tookEffect = 0;
        var failed = new HashSet<DeadlineId>();
        while (true)
        {
            var due = (await DueAsync(query, now, cancellationToken)).Where(entry => !failed.Contains(entry.Id)).ToList();
            if (due.Count == 0)
            {
                return tookEffect;
            }

            var before = tookEffect;
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (entry, token) =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command(entry.Id, entry.At), token);
                    if (outcome == DeadlineTimerOutcome.TookEffect)
                    {
                        Interlocked.Increment(ref tookEffect);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Lost a race (409) or failed: either way this run leaves it; the next run sees the row as it now is.
                    lock (failed)
                    {
                        failed.Add(entry.Id);
                    }

                    if (exception is not ConflictException)
                    {
                        logger.LogError(PersonalDataMasking.ForLog(exception), "Deadline {Deadline} due {Due:O} could not take effect; the next run retries it", entry.Id, entry.At);
                    }
                }
            });

            if (due.Count < BatchSize || tookEffect == before)
            {
                return tookEffect;
            }
        }
    }

    private async Task<List<(DeadlineId Id, DateTimeOffset At)>> DueAsync(string query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(query);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<(DeadlineId, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((new DeadlineId(reader.GetGuid(0)), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return due;
    }
}
