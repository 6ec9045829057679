using Cases.Workflows.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Idempotency;

public static class IdempotencyRegistration
{
    /// <summary>Idempotency keys: the request's key and the transaction participant that claims it (register before any other participant: it runs first).</summary>
    public static IServiceCollection AddCasesIdempotency(this IServiceCollection services)
    {
        services.AddScoped<IdempotentRequest>();
        services.AddScoped<ITransactionParticipant, IdempotencyKeys>();
        return services;
    }
}
