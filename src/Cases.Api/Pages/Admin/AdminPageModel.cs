using Cases.Api.Web;
using Cases.Domain.Access;
using Cases.Domain.Calendars;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// A page of the administration (/admin): it knows which administrator reads it, and puts the
/// refusals of account and registry commands beside the field they are about, in the reader's
/// language (a broken credit-code rule beside the credit code, a weak password beside the
/// password), where the shared handling would show the command's English as a sentence.
/// </summary>
public abstract class AdminPageModel : CasesPageModel
{
    public bool IsSystemAdmin => User.IsInRole(nameof(Role.SystemAdmin));

    /// <summary>The centre a centre administrator manages; null for a system administrator.</summary>
    public string? OwnCentre => Current.Scope.Centre?.Value;

    /// <summary>Sends a request, placing the refusals <paramref name="placement"/> knows beside their fields; any other as the shared handling does.</summary>
    protected async Task<Sent<TResponse>> SendAsync<TResponse>(IRequest<TResponse> request, FieldPlacement placement)
    {
        try
        {
            return Sent<TResponse>.Success(await Mediator.Send(request, HttpContext.RequestAborted));
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                var field = PageProblems.FieldName(failure.PropertyName);
                ModelState.AddModelError(field, placement.Message(field, failure, T) ?? PasswordMessage(failure) ?? PageProblems.Message(failure, T));
            }

            ShowProblem(T["Please correct the fields marked below."]);
            RefusalStatusCode = StatusCodes.Status400BadRequest;
            return Sent<TResponse>.Refused;
        }
        catch (BusinessRuleValidationException rules) when (rules.BrokenRules.Any(placement.Places))
        {
            var unplaced = new List<string>();
            foreach (var rule in rules.BrokenRules)
            {
                if (placement.Place(rule, T) is { } placed)
                {
                    ModelState.AddModelError(placed.Field, placed.Message);
                }
                else
                {
                    unplaced.Add(rule.Message);
                }
            }

            ShowProblem(T["Please correct the fields marked below."], [.. unplaced]);
            RefusalStatusCode = StatusCodes.Status422UnprocessableEntity;
            return Sent<TResponse>.Refused;
        }
        catch (ConflictException) when (placement.Conflict is { } conflict)
        {
            if (conflict.Field is { } field)
            {
                ModelState.AddModelError(field, conflict.Message(T));
                ShowProblem(T["Please correct the fields marked below."]);
            }
            else
            {
                ShowProblem(conflict.Message(T));
            }

            RefusalStatusCode = StatusCodes.Status409Conflict;
            return Sent<TResponse>.Refused;
        }
        catch (ForbiddenException) when (placement.Forbidden is { } forbidden)
        {
            ShowProblem(T["You are not allowed to do this."], forbidden(T));
            RefusalStatusCode = StatusCodes.Status403Forbidden;
            return Sent<TResponse>.Refused;
        }
        catch (DateOutsideCalendarException outside) when (placement.OutsideCalendar is { } field)
        {
            ModelState.AddModelError(field, T["The calendar has no {0} loaded: add that year first.", outside.Date.Year]);
            ShowProblem(T["Please correct the fields marked below."]);
            RefusalStatusCode = StatusCodes.Status422UnprocessableEntity;
            return Sent<TResponse>.Refused;
        }
        catch (Exception exception)
        {
            var shown = new List<PageProblem>();
            if (PageProblems.TryShow(exception, ModelState, shown, T) is not { } status)
            {
                throw;
            }

            RefusalStatusCode = status;

            foreach (var problem in shown)
            {
                ShowProblem(problem.Heading, [.. problem.Reasons]);
            }

            return Sent<TResponse>.Refused;
        }
    }

    /// <summary>The password policy as a hint beside a password field.</summary>
    public string PasswordRules()
    {
        var password = Options.Password;
        return T["At least {0} characters, with an upper-case letter, a lower-case letter and a digit, using at least {1} different characters.", password.RequiredLength, password.RequiredUniqueChars];
    }

    /// <summary>A role's name in the reader's language.</summary>
    public string RoleName(Role role) => role switch
    {
        Role.IntakeOfficer => T["Intake officer"],
        Role.CaseHandler => T["Case handler"],
        Role.Mediator => T["Mediator"],
        Role.Arbitrator => T["Arbitrator"],
        Role.Supervisor => T["Supervisor"],
        Role.CentreAdmin => T["Centre administrator"],
        Role.SystemAdmin => T["System administrator"],
        Role.EnterpriseUser => T["Enterprise user"],
        _ => role.ToString(),
    };

    /// <summary>A centre code from a form: null when none was chosen.</summary>
    protected static CentreCode? CentreFrom(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : new CentreCode(code.Trim());

    private IdentityOptions Options => HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;

    /// <summary>Identity's verdict on a password, in the reader's language: its English is matched against Identity's own describer.</summary>
    private string? PasswordMessage(ValidationFailure failure)
    {
        var password = Options.Password;
        var describer = new IdentityErrorDescriber();
        var message = failure.ErrorMessage;
        return message switch
        {
            _ when message == describer.PasswordTooShort(password.RequiredLength).Description => T["The password must have at least {0} characters.", password.RequiredLength].Value,
            _ when message == describer.PasswordRequiresUniqueChars(password.RequiredUniqueChars).Description => T["The password must use at least {0} different characters.", password.RequiredUniqueChars].Value,
            _ when message == describer.PasswordRequiresDigit().Description => T["The password must contain a digit (0–9)."].Value,
            _ when message == describer.PasswordRequiresLower().Description => T["The password must contain a lower-case letter (a–z)."].Value,
            _ when message == describer.PasswordRequiresUpper().Description => T["The password must contain an upper-case letter (A–Z)."].Value,
            _ when message == describer.PasswordRequiresNonAlphanumeric().Description => T["The password must contain a character that is not a letter or a digit."].Value,
            _ => null,
        };
    }
}

/// <summary>
/// Where a page shows a command's refusals: broken rules and a conflict beside a field, a
/// validator's message reworded, a refusal of the reader's roles explained.
/// </summary>
public sealed class FieldPlacement
{
    private readonly Dictionary<Type, (string Field, Func<IBusinessRule, Texts, string> Message)> rules = [];
    private readonly Dictionary<(string Field, string ErrorCode), Func<Texts, string>> messages = [];

    public (string? Field, Func<Texts, string> Message)? Conflict { get; private set; }

    public Func<Texts, string>? Forbidden { get; private set; }

    public string? OutsideCalendar { get; private set; }

    /// <summary>A broken rule of this type is shown beside <paramref name="field"/>.</summary>
    public FieldPlacement Rule<TRule>(string field, Func<Texts, string> message)
        where TRule : IBusinessRule
    {
        rules[typeof(TRule)] = (field, (_, texts) => message(texts));
        return this;
    }

    /// <summary>A validator's failure of this kind (its error code) on this field, reworded.</summary>
    public FieldPlacement Validation(string field, string errorCode, Func<Texts, string> message)
    {
        messages[(field, errorCode)] = message;
        return this;
    }

    /// <summary>A conflict (409) is about this field, e.g. a user name already taken.</summary>
    public FieldPlacement ConflictOn(string field, Func<Texts, string> message)
    {
        Conflict = (field, message);
        return this;
    }

    /// <summary>A conflict (409) that is about no one field, e.g. a change made meanwhile: said as a sentence.</summary>
    public FieldPlacement ConflictSaying(Func<Texts, string> message)
    {
        Conflict = (null, message);
        return this;
    }

    /// <summary>Why the reader's roles do not allow the change (403).</summary>
    public FieldPlacement WhenForbidden(Func<Texts, string> reason)
    {
        Forbidden = reason;
        return this;
    }

    /// <summary>A date of a year the calendar has not loaded is about this field.</summary>
    public FieldPlacement OutsideCalendarOn(string field)
    {
        OutsideCalendar = field;
        return this;
    }

    public bool Places(IBusinessRule rule) => rules.ContainsKey(rule.GetType());

    public (string Field, string Message)? Place(IBusinessRule rule, Texts texts) =>
        rules.TryGetValue(rule.GetType(), out var placed) ? (placed.Field, placed.Message(rule, texts)) : null;

    /// <summary>Any failure on this field, whatever its kind, reworded (a more specific <see cref="Validation"/> comes first).</summary>
    public FieldPlacement AnyOn(string field, Func<Texts, string> message) => Validation(field, AnyKind, message);

    public string? Message(string field, ValidationFailure failure, Texts texts) =>
        messages.TryGetValue((field, failure.ErrorCode ?? string.Empty), out var message) || messages.TryGetValue((field, AnyKind), out message)
            ? message(texts)
            : null;

    private const string AnyKind = "*";
}
