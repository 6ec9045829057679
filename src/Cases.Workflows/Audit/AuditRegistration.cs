using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Audit;

public static class AuditRegistration
{
    /// <summary>The audit log. (Skeleton: the hash-chained PostgreSQL trail replaces the placeholder below.)</summary>
    public static IServiceCollection AddCasesAudit(this IServiceCollection services)
    {
        services.AddScoped<IAuditTrail, PlaceholderAuditTrail>();
        return services;
    }

    /// <summary>Placeholder until the audit log lands; never shipped.</summary>
    private sealed class PlaceholderAuditTrail : IAuditTrail
    {
        public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
