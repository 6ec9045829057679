using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Audit;

/// <summary>
/// Appends a <see cref="AuditKind.CaseRead"/> entry for every query of one case (<see cref="ICaseQuery"/>)
/// once it has succeeded: who saw which case, and when. A read that failed (not found, not
/// allowed) showed nothing and is not an entry. Queries have no transaction, so each entry takes a
/// short one of its own.
/// </summary>
public sealed class AuditedCaseReads<TRequest, TResponse>(IAuditTrail audit, ICurrentActor currentActor, IRequestOrigin origin)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is ICaseQuery query)
        {
            var subject = AuditSubjects.Case(query.CaseId.Value);
            await audit.AppendAsync(
                new AuditRecord(AuditKind.CaseRead, currentActor.Actor.Name, currentActor.UserId, origin.SourceAddress, subject, $"{AuditSubjects.NameOf(request)} of {subject}"),
                cancellationToken);
        }

        return response;
    }
}
