using Cases.Api.Web;
using Cases.Domain.Centres;
using Cases.Workflows.Reports.GetCaseReport;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

/// <summary>The case report (案件统计报表), as JSON and as CSV: supervisors and centre administrators for their own centre, system administrators for any.</summary>
public static class ReportEndpoints
{
    private const string Filters =
        "centre= a centre code (staff: their own, the default; another centre is 404), workflow= a workflow id (fast-track-pre-examination, rights-defence, mediation-arbitration), " +
        "from= and to= the first and last day (yyyy-MM-dd, UTC+8, inclusive; at most 3 years). Opened: cases filed in the period, by filing centre. Closed: cases that reached a terminal state in it, by handling centre. " +
        "On time: statutory deadlines only (rights defence: acceptance, service, handling decision; arbitration: the award), counted when met, or when due if missed. " +
        "Steps: the median days spent in a state, for stays that ended in the period. Grants: fast-track filing date to CNIPA grant date, median and 90th percentile, by grant date.";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/reports").WithTags("Reports");
        reports.MapGet("/cases", GetCaseReport).WithName(nameof(GetCaseReport))
            .WithSummary("Case report per centre and pipeline: opened, closed, on-time rate, time per step, grant times (Supervisor, CentreAdmin, SystemAdmin)")
            .WithDescription(Filters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/cases.csv", GetCaseReportCsv).WithName(nameof(GetCaseReportCsv))
            .WithSummary("The case report as CSV (UTF-8 with BOM), in the language of Accept-Language")
            .WithDescription(Filters + " One row per centre, pipeline, measure and item.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<CaseReport>> GetCaseReport(IMediator mediator, CancellationToken cancellationToken, string? centre = null, string? workflow = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await mediator.Send(Query(centre, workflow, from, to), cancellationToken));

    public static async Task<FileContentHttpResult> GetCaseReportCsv(IMediator mediator, Texts texts, WorkflowTerms terms, CancellationToken cancellationToken, string? centre = null, string? workflow = null, DateOnly? from = null, DateOnly? to = null)
    {
        var report = await mediator.Send(Query(centre, workflow, from, to), cancellationToken);
        return TypedResults.File(new CaseReportCsv(texts, terms).Build(report), CaseReportCsv.ContentType, CaseReportCsv.FileName(report));
    }

    private static GetCaseReportQuery Query(string? centre, string? workflow, DateOnly? from, DateOnly? to) =>
        new(string.IsNullOrEmpty(centre) ? null : new CentreCode(centre), string.IsNullOrEmpty(workflow) ? null : workflow, from, to);
}
