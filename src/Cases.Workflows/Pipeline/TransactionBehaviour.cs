using Cases.Workflows.Deadlines;
using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cases.Workflows.Pipeline;

/// <summary>
/// Runs each command in one database transaction: the change, its timeline entry and anything
/// else the handler wrote commit together or not at all; the deadlines of the clocks it moved are
/// kept in step before the save, and their timers set after the commit. The participants (idempotency
/// keys, the audit log) join the same transaction. Queries pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(CasesDbContext database, DeadlineKeeper deadlines, IEnumerable<ITransactionParticipant> participants)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand || database.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        // The whole transaction rolls back on any failure, so EF's per-SaveChanges savepoints
        // would only cost two more round trips while the case number's counter row is locked.
        database.Database.AutoSavepointsEnabled = false;
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var participant in participants)
            {
                await participant.BeginAsync(request, cancellationToken);
            }

            var response = await next();
            await deadlines.KeepAsync(cancellationToken);
            await database.SaveChangesAsync(cancellationToken);
            foreach (var participant in participants)
            {
                await participant.BeforeCommitAsync(request, response, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await deadlines.ScheduleWakeUpsAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConflictException("Someone else changed this record at the same time. Reload it and try again.", exception);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new ConflictException(UniqueViolationMessages.For(unique.ConstraintName), exception);
        }
    }
}
