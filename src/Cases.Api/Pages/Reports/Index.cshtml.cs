using System.Globalization;
using Cases.Api.Web;
using Cases.Domain.Centres;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.ListCentres;
using Cases.Workflows.Reports.GetCaseReport;
using Cases.Workflows.WorkflowDefinitions.ListWorkflows;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Reports;

/// <summary>
/// The case report (案件统计报表) for supervisors and administrators: a GET form chooses the centre
/// (for those who see several), the pipeline and the period (by default this year to date, in
/// UTC+8), and the page shows each centre's figures per pipeline in tables and charts;
/// <c>/reports/export</c> downloads the same figures as CSV.
/// </summary>
public sealed class ReportsModel(TimeProvider clock, WorkflowTerms terms) : CasesPageModel
{
    public string? Centre { get; private set; }

    public string? Workflow { get; private set; }

    /// <summary>The period as entered (yyyy-MM-dd), kept as typed when it is not a date so the reader can correct it.</summary>
    public string From { get; private set; } = string.Empty;

    public string To { get; private set; } = string.Empty;

    public CaseReport? Report { get; private set; }

    /// <summary>The centres to choose from; empty for staff, who see their own centre only.</summary>
    public IReadOnlyList<CentreView> Centres { get; private set; } = [];

    /// <summary>The pipelines to choose from, by workflow id.</summary>
    public IReadOnlyList<string> Workflows { get; private set; } = [];

    /// <summary>Whether the reader sees several centres, and so chooses one (or all).</summary>
    public bool ChoosesCentre => Current.Scope.Unrestricted;

    /// <summary>The reader's own centre, for staff.</summary>
    public string? OwnCentre => Current.Scope.Centre?.Value;

    public CaseReportWords Words => new(T, terms);

    /// <summary>The CSV download of the report on the page: the same filters.</summary>
    public string ExportUrl => "/reports/export" + QueryString.Create(new Dictionary<string, string?>
    {
        ["centre"] = Centre,
        ["workflow"] = Workflow,
        ["from"] = From,
        ["to"] = To,
    }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToUriComponent();

    public async Task<IActionResult> OnGetAsync(string? centre, string? workflow, string? from, string? to) =>
        await ReportAsync(centre, workflow, from, to) is null && Problems.Count > 0 ? Refused() : Page();

    /// <summary>The report as a CSV file; with a filter to correct, the page instead, saying what.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? centre, string? workflow, string? from, string? to)
    {
        if (await ReportAsync(centre, workflow, from, to) is not { } report)
        {
            return Refused();
        }

        var csv = new CaseReportCsv(T, terms);
        return File(csv.Build(report), CaseReportCsv.ContentType, CaseReportCsv.FileName(report));
    }

    private async Task<CaseReport?> ReportAsync(string? centre, string? workflow, string? from, string? to)
    {
        Centre = string.IsNullOrWhiteSpace(centre) ? null : centre.Trim();
        Workflow = string.IsNullOrWhiteSpace(workflow) ? null : workflow.Trim();
        var today = DeadlineList.TodayBy(clock);
        From = string.IsNullOrWhiteSpace(from) ? Formats.InputDate(new DateOnly(today.Year, 1, 1)) : from.Trim();
        To = string.IsNullOrWhiteSpace(to) ? Formats.InputDate(today) : to.Trim();
        Workflows = [.. (await Mediator.Send(new ListWorkflowsQuery(), HttpContext.RequestAborted)).Select(summary => summary.Id)];
        if (ChoosesCentre)
        {
            Centres = await Mediator.Send(new ListCentresQuery(), HttpContext.RequestAborted);
        }

        var fromDay = Day("from", From);
        var toDay = Day("to", To);
        if (fromDay is null || toDay is null)
        {
            ShowProblem(T["Please correct the fields marked below."]);
            RefusalStatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        try
        {
            // A centre or period the reader may not see is answered 404 by the query, as by the API.
            Report = await Mediator.Send(new GetCaseReportQuery(Centre is null ? null : new CentreCode(Centre), Workflow, fromDay, toDay), HttpContext.RequestAborted);
            return Report;
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(PageProblems.FieldName(failure.PropertyName), Message(failure));
            }

            ShowProblem(T["Please correct the fields marked below."]);
            RefusalStatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
    }

    private DateOnly? Day(string field, string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(field, T["Enter a date."]);
        return null;
    }

    /// <summary>The query's refusals in the reader's language.</summary>
    private string Message(FluentValidation.Results.ValidationFailure failure) => failure.ErrorCode switch
    {
        GetCaseReportValidator.EndBeforeStart => T["The end of the period must not be before its start."],
        GetCaseReportValidator.PeriodTooLong => T["A report covers at most {0} years.", GetCaseReportQuery.MaximumYears],
        GetCaseReportValidator.DayOutOfRange => T["Enter a day between {0} and {1}.", Formats.Date(GetCaseReportQuery.Earliest), Formats.Date(GetCaseReportQuery.Latest)],
        GetCaseReportValidator.UnknownWorkflow => T["Choose one of the options."],
        _ when failure.PropertyName == nameof(GetCaseReportQuery.Centre) => T["Choose a centre."],
        _ => PageProblems.Message(failure, T),
    };
}
