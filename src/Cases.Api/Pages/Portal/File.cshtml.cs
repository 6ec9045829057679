using System.Text.RegularExpressions;
using Cases.Api.Web;
using Cases.Domain.Cases.Rules;
using Cases.Domain.Common;
using Cases.Domain.Rights.Rules;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.FileCase;
using Cases.Workflows.Enterprises;
using Cases.Workflows.Enterprises.GetKeyEnterprise;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// Filing through the direct channel (直通车立案), guided: which service, what it is about, who the
/// other side is, which rights. It sends the API's own <see cref="FileCaseCommand"/>: the case is the
/// enterprise's, at its centre, a priority case. Each refusal is said beside its field in the
/// reader's language; a right's number by the same check the filing makes.
/// </summary>
public sealed partial class FileModel : PortalPageModel
{
    public FilingForm Form { get; private set; } = new();

    public KeyEnterpriseView? Own { get; private set; }

    public async Task OnGetAsync()
    {
        Own = await Mediator.Send(new GetKeyEnterpriseQuery(Enterprise), HttpContext.RequestAborted);
        Form = FilingForm.For(Own);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Own = await Mediator.Send(new GetKeyEnterpriseQuery(Enterprise), HttpContext.RequestAborted);
        Form = FilingForm.From(Request.Form);
        var (command, rows) = Form.ToCommand();
        if (await FileAsync(command, rows) is { } filed)
        {
            var number = filed switch
            {
                EnterpriseCaseView view => view.Number,
                CaseView view => view.Number,
                _ => string.Empty,
            };
            Notify(T["Case {0} is filed with the {1} centre. This page shows what happens next.", number, WorkflowTerms.Centre(Own.Centre)]);
            return LocalRedirect($"/portal/cases/{filed.Id}");
        }

        Response.StatusCode = RefusalStatusCode;
        return Page();
    }

    /// <summary>
    /// Sends the filing; a refusal goes on the page as <see cref="CasesPageModel.SendAsync{TResponse}"/>
    /// would put it, but worded for this form: each field's message by the rows the reader filled in.
    /// </summary>
    private async Task<AudienceCaseView?> FileAsync(FileCaseCommand command, IReadOnlyList<int> rightRows)
    {
        var shown = new List<PageProblem>();
        try
        {
            return await Mediator.Send(command, HttpContext.RequestAborted);
        }
        catch (ValidationException validation)
        {
            RefusalStatusCode = PageProblems.TryShow(new ValidationException([.. validation.Errors.Select(failure => Worded(failure, command, rightRows))]), ModelState, shown, T)!.Value;
        }
        catch (BusinessRuleValidationException rules)
        {
            var reasons = new List<string>();
            foreach (var rule in rules.BrokenRules)
            {
                var (field, message) = Beside(rule);
                if (field is not null)
                {
                    ModelState.AddModelError(field, message);
                }

                reasons.Add(message);
            }

            shown.Add(new PageProblem(T["This cannot be done, because:"], reasons));
            RefusalStatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (Exception exception) when (PageProblems.TryShow(exception, ModelState, shown, T) is { } status)
        {
            RefusalStatusCode = status;
        }

        foreach (var problem in shown)
        {
            ShowProblem(problem.Heading, [.. problem.Reasons]);
        }

        return null;
    }

    /// <summary>A validation failure under the name of the row it came from, in the reader's language where the form knows the rule.</summary>
    private ValidationFailure Worded(ValidationFailure failure, FileCaseCommand command, IReadOnlyList<int> rightRows)
    {
        var path = failure.PropertyName;
        var right = RightPath().Match(path);
        if (right.Success)
        {
            var index = int.Parse(right.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index < rightRows.Count)
            {
                failure.PropertyName = $"Rights[{rightRows[index]}]{path[right.Length..]}";
                // The number's own rule (not "required"): the same check the filing made, said in the reader's language.
                if (path.EndsWith(".Number", StringComparison.Ordinal) && failure.ErrorCode == "PredicateValidator"
                    && command.Rights![index].Kind is { } kind && NumberRules.Check(kind, command.Rights[index].Number) is { } problem)
                {
                    return Reworded(failure, RightNumberMessages.Explain(problem, T));
                }
            }
        }

        return failure.ErrorCode switch
        {
            "EmailValidator" => Reworded(failure, T["Enter an email address, e.g. name@example.com."]),
            "RegularExpressionValidator" when path.EndsWith(".Phone", StringComparison.Ordinal) => Reworded(failure, T["Use only digits, spaces, brackets, dashes and a leading +."]),
            "NotEmptyValidator" when path == nameof(FileCaseCommand.Rights) => Reworded(failure, T["Name at least one right the case concerns."]),
            "NotNullValidator" when path == nameof(FileCaseCommand.Kind) => Reworded(failure, T["Choose the service you need."]),
            _ => failure,
        };
    }

    private static ValidationFailure Reworded(ValidationFailure failure, string message) =>
        new(failure.PropertyName, message, failure.AttemptedValue) { ErrorCode = "PortalFilingForm" };

    /// <summary>The rules of a filing a reader can fix in one field, said there; any other as the domain words it.</summary>
    private (string? Field, string Message) Beside(IBusinessRule rule) => rule switch
    {
        PreExaminationMustNotNameARespondentRule => ($"parties[{FilingForm.OtherParty}].name", T["A fast-track pre-examination has no other party: leave the other party empty."]),
        DisputeMustNameARespondentRule => ($"parties[{FilingForm.OtherParty}].name", T["A dispute needs the other party: name the respondent."]),
        PreExaminationMustConcernOnePatentRule => ("rights", T["A fast-track pre-examination concerns exactly one patent application (invention, utility model or design)."]),
        _ => (null, rule.Message),
    };

    [GeneratedRegex(@"^Rights\[(?<index>\d+)\]")]
    private static partial Regex RightPath();
}
