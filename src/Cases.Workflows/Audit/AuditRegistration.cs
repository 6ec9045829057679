using Cases.Workflows.Audit.ListAuditEntries;
using Cases.Workflows.Audit.VerifyAuditLog;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Audit;

public static class AuditRegistration
{
    /// <summary>The hash-chained audit log in PostgreSQL: sign-ins (recorded where they happen), changes, reads of cases, and its verification.</summary>
    public static IServiceCollection AddCasesAudit(this IServiceCollection services)
    {
        services.AddScoped<IAuditTrail, PostgresAuditTrail>();
        // Participants run in the order registered: the others should be registered before this
        // one, so its BeforeCommit runs last and the audit log's lock is held as briefly as possible.
        services.AddScoped<ITransactionParticipant, AuditedChanges>();
        // Registered after the transaction behaviour: innermost, it sees only queries that succeeded.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditedCaseReads<,>));

        services.AddUseCase<VerifyAuditLogQuery, AuditLogVerification, VerifyAuditLogHandler>();
        services.AddUseCase<ListAuditEntriesQuery, AuditEntryPage, ListAuditEntriesHandler, ListAuditEntriesValidator>();
        return services;
    }
}
