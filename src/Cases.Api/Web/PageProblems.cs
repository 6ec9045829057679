using Cases.Domain.Cases;
using Cases.Domain.Common;
using Cases.Workflows.Engine.Runtime;
using Cases.Workflows.Idempotency;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cases.Api.Web;

/// <summary>A refusal shown on the page as plain sentences: a heading and the reasons.</summary>
public sealed record PageProblem(string Heading, IReadOnlyList<string> Reasons);

/// <summary>
/// What a page shows when a command is refused, in the reader's language: each bad field's message
/// beside its field (400), a concurrent change or a state that no longer allows the action (409),
/// and each broken rule (422) as a sentence. The API maps the same exceptions to problem details.
/// </summary>
public static class PageProblems
{
    /// <summary>
    /// Puts a refusal on the page and gives the status the API would answer with (400, 403, 409,
    /// 422); null for an exception that is not a refusal (it is then rethrown).
    /// </summary>
    public static int? TryShow(Exception exception, ModelStateDictionary fields, ICollection<PageProblem> problems, Texts texts)
    {
        switch (exception)
        {
            case ValidationException validation:
                foreach (var failure in validation.Errors)
                {
                    fields.AddModelError(FieldName(failure.PropertyName), Message(failure, texts));
                }

                problems.Add(new PageProblem(texts["Please correct the fields marked below."], []));
                return StatusCodes.Status400BadRequest;
            case CaseVersionConflictException:
            case ConflictException:
                problems.Add(new PageProblem(
                    texts["Someone else changed this case while you were working on it."],
                    [texts["Nothing you entered was saved. The page now shows the case as it is; check it and try again."], exception.Message]));
                return StatusCodes.Status409Conflict;
            case CaseActionNotAllowedException:
                problems.Add(new PageProblem(texts["This action is no longer open: the case has moved on."], [exception.Message]));
                return StatusCodes.Status409Conflict;
            case BusinessRuleValidationException rules:
                problems.Add(new PageProblem(texts["This cannot be done, because:"], [.. rules.BrokenRules.Select(rule => rule.Message)]));
                return StatusCodes.Status422UnprocessableEntity;
            case ForbiddenException:
                problems.Add(new PageProblem(texts["You are not allowed to do this."], [exception.Message]));
                return StatusCodes.Status403Forbidden;
            case IdempotencyKeyReusedException:
                problems.Add(new PageProblem(texts["This form was already sent with other values. Reload the page and try again."], []));
                return StatusCodes.Status422UnprocessableEntity;
            default:
                return null;
        }
    }

    /// <summary>"Parties[0].Name" → "parties[0].name": form fields are named as the API's JSON fields, so an error's path is its field's name.</summary>
    public static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(Cases.Workflows.WorkflowsRegistration.JsonName));

    /// <summary>A field's message in the reader's language where we know the kind of failure; the validator's English otherwise.</summary>
    public static string Message(ValidationFailure failure, Texts texts) => failure.ErrorCode switch
    {
        PayloadErrorCodes.Required or "NotEmptyValidator" or "NotNullValidator" => texts["This field is required."],
        PayloadErrorCodes.NotADate => texts["Enter a date."],
        PayloadErrorCodes.NotAChoice => texts["Choose one of the options."],
        PayloadErrorCodes.NotACentre => texts["Choose a centre."],
        PayloadErrorCodes.TooLong => texts["This is too long."],
        "MaximumLengthValidator" when failure.FormattedMessagePlaceholderValues?.GetValueOrDefault("MaxLength") is { } maximum =>
            texts["At most {0} characters.", maximum],
        _ => failure.ErrorMessage,
    };
}
