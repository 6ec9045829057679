using Cases.Workflows.Audit.ListAuditEntries;
using Cases.Workflows.Audit.VerifyAuditLog;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

/// <summary>The audit log (审计日志): reading its entries and verifying its hash chain; system administrators only.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/", ListAuditEntries).WithName(nameof(ListAuditEntries))
            .WithSummary("Entries of the audit log, newest first (SystemAdmin)")
            .WithDescription($"Filters: subject (e.g. case:<id>, user:<id>), kind (SignIn, SignInFailed, CaseRead, Change), after (an instant); limit (1 to {ListAuditEntriesQuery.MaximumLimit}, default {ListAuditEntriesQuery.DefaultLimit}); before: the nextBefore of the previous page.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/verify", VerifyAuditLog).WithName(nameof(VerifyAuditLog))
            .WithSummary("Walk the audit log's hash chain and report the first entry that breaks it (SystemAdmin)")
            .WithDescription("Returns {\"intact\": true, \"entries\": n, \"lastSequence\": k, \"lastHash\": hex} or {\"intact\": false, \"entries\": n, \"firstBadEntry\": {\"sequence\": k, \"reason\": …}}; reasons: \"hash does not match its contents\", \"previous hash does not match entry k-1\", \"sequence gap after k-1\". Keep lastHash somewhere else: a later walk ending before it shows the log's end was cut.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    public static async Task<Ok<AuditEntryPage>> ListAuditEntries(string? subject, string? kind, DateTimeOffset? after, long? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAuditEntriesQuery(subject, kind, after, before, limit), cancellationToken));

    public static async Task<Ok<AuditLogVerification>> VerifyAuditLog(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new VerifyAuditLogQuery(), cancellationToken));
}
