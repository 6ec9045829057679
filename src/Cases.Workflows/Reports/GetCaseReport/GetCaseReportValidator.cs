using System.Globalization;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Pipeline;
using FluentValidation;

namespace Cases.Workflows.Reports.GetCaseReport;

public sealed class GetCaseReportValidator : AbstractValidator<GetCaseReportQuery>
{
    /// <summary>Error codes a page can put in the reader's language.</summary>
    public const string EndBeforeStart = "ReportEndBeforeStart";

    public const string PeriodTooLong = "ReportPeriodTooLong";

    public const string DayOutOfRange = "ReportDayOutOfRange";

    public const string UnknownWorkflow = "ReportUnknownWorkflow";

    public GetCaseReportValidator(WorkflowCatalog workflows)
    {
        var range = $"between {Day(GetCaseReportQuery.Earliest)} and {Day(GetCaseReportQuery.Latest)}";
        RuleFor(query => query.From).NotNull()
            .InclusiveBetween(GetCaseReportQuery.Earliest, GetCaseReportQuery.Latest)
            .WithMessage($"'{{PropertyName}}' must be a day {range}.").WithErrorCode(DayOutOfRange);
        RuleFor(query => query.To).NotNull()
            .InclusiveBetween(GetCaseReportQuery.Earliest, GetCaseReportQuery.Latest)
            .WithMessage($"'{{PropertyName}}' must be a day {range}.").WithErrorCode(DayOutOfRange);
        When(query => query.From is not null && query.To is not null, () =>
        {
            RuleFor(query => query.To)
                .Must((query, to) => to >= query.From)
                .WithMessage(query => $"'to' ({Day(query.To!.Value)}) must not be before 'from' ({Day(query.From!.Value)}).")
                .WithErrorCode(EndBeforeStart)
                .DependentRules(() => RuleFor(query => query.To)
                    .Must((query, to) => to < query.From!.Value.AddYears(GetCaseReportQuery.MaximumYears))
                    .WithMessage($"The period may cover at most {GetCaseReportQuery.MaximumYears} years: 'to' must be before the same day {GetCaseReportQuery.MaximumYears} years after 'from'.")
                    .WithErrorCode(PeriodTooLong));
        });
        RuleFor(query => query.Centre).MustBeACentreCode();
        RuleFor(query => query.Workflow)
            .Must(workflow => workflow is null || workflows.All.Any(definition => definition.Id == workflow))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", workflows.All.Select(definition => definition.Id).Distinct())}.")
            .WithErrorCode(UnknownWorkflow);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
