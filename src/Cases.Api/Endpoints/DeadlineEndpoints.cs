using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Deadlines.GetCaseDeadlines;
using Cases.Workflows.Deadlines.ListDeadlineRules;
using Cases.Workflows.Deadlines.OverrideDeadlineRule;
using Cases.Workflows.Deadlines.ListDeadlines;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

public static class DeadlineEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/deadlines", ListDeadlines).WithName(nameof(ListDeadlines)).WithTags("Deadlines")
            .WithSummary("Deadline dashboard (期限看板): due-soon or overdue, soonest first")
            .WithDescription("state=due-soon (running, not yet due; reminded or due within 7 days) or overdue (past due, step not done); centre= a centre code (as responsible or handling centre); limit ≤ 500.")
            .ProducesValidationProblem();
        routes.MapGet("/api/cases/{id:guid}/deadlines", GetCaseDeadlines).WithName(nameof(GetCaseDeadlines)).WithTags("Deadlines")
            .WithSummary("A case's deadlines, each with its explanation and recorded changes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/api/deadline-rules", ListDeadlineRules).WithName(nameof(ListDeadlineRules)).WithTags("Deadlines")
            .WithSummary("Every pipeline clock's default deadline rule with its source, then the overrides in force");
        routes.MapPut("/api/deadline-rules/{workflowId}/{clock}/{region}", OverrideDeadlineRule).WithName(nameof(OverrideDeadlineRule)).WithTags("Deadlines")
            .WithSummary("Override a clock's deadline rule for one region, or * for all (SystemAdmin)")
            .WithDescription("Body: amount, unit (working-days|days|months|hours), calendarOf (HandlingCentre|ReceivingCentre), reminderAmount+reminderUnit, onExpiry (MarkOverdue|TakeAction|Lapse), expiryAction, extensionAmount, priorityTargetAmount, source, reason. Running deadlines keep the rule they started with.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<DeadlineRuleView>>> ListDeadlineRules(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListDeadlineRulesQuery(), cancellationToken));

    public static async Task<Ok<DeadlineRuleView>> OverrideDeadlineRule(string workflowId, string clock, string region, DeadlineRuleRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new OverrideDeadlineRuleCommand(
            workflowId, clock, region, request.Amount, request.Unit, request.CalendarOf, request.ReminderAmount, request.ReminderUnit,
            request.OnExpiry, request.ExpiryAction, request.ExtensionAmount, request.PriorityTargetAmount, request.Source, request.Reason), cancellationToken));

    /// <summary>The body of a rule override.</summary>
    public sealed record DeadlineRuleRequest(
        int Amount,
        string? Unit,
        string? CalendarOf,
        int? ReminderAmount,
        string? ReminderUnit,
        string? OnExpiry,
        string? ExpiryAction,
        int? ExtensionAmount,
        int? PriorityTargetAmount,
        string? Source,
        string? Reason);

    public static async Task<Ok<DeadlineQueue>> ListDeadlines(IMediator mediator, CancellationToken cancellationToken, string? state = null, string? centre = null, int? limit = null) =>
        TypedResults.Ok(await mediator.Send(new ListDeadlinesQuery(state, centre is null ? null : new CentreCode(centre), limit), cancellationToken));

    public static async Task<Ok<IReadOnlyList<CaseDeadlineView>>> GetCaseDeadlines(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCaseDeadlinesQuery(new CaseId(id)), cancellationToken));
}
