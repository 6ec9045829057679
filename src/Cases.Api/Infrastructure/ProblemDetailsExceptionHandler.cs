using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cases.Domain.Calendars;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Workflows;
using Cases.Workflows.Access;
using Cases.Workflows.Idempotency;
using Cases.Workflows.Pipeline;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Infrastructure;

/// <summary>
/// The one place where errors become RFC 7807 problem details: bad input names each bad field
/// (400), a missing role is 403, a missing record is 404, a concurrent change, a duplicate or an
/// action the case's state does not allow is 409, a broken domain rule
/// is 422 with each rule's message, and so is an idempotency key reused for another request. Anything else is a 500 that reveals nothing internal.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => Invalid(validation.Errors
                .GroupBy(failure => JsonPath(failure.PropertyName))
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException badRequest => FromBadRequest(badRequest),
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = notFound.Message,
            },
            SignInFailedException => new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign-in failed",
                Detail = exception.Message,
            },
            ForbiddenException => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = exception.Message,
            },
            ConflictException or CaseVersionConflictException or CaseActionNotAllowedException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = exception.Message,
            },
            BusinessRuleValidationException rules => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request breaks one or more rules",
                Detail = rules.Message,
                Extensions =
                {
                    ["brokenRules"] = rules.BrokenRules.Select(rule => new { rule = rule.GetType().Name, message = rule.Message }).ToArray(),
                },
            },
            IdempotencyKeyReusedException => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Idempotency key already used for another request",
                Detail = exception.Message,
            },
            DateOutsideCalendarException outside => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The calendar does not cover this date",
                Detail = outside.Message,
                Extensions =
                {
                    ["calendar"] = outside.Calendar.ToString(),
                    ["date"] = outside.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            _ => null,
        };

        if (problem is null)
        {
            // The exception may echo input (a party's name, a phone number): logged with its messages masked.
            LogUnhandled(logger, PersonalDataMasking.ForLog(exception));
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = "The error was logged. Nothing was changed by this request.",
            };
        }

        // The middleware has already pointed the request at the error page: the path asked for is in the feature.
        if (ApiRegistration.IsPage(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path))
        {
            // A person in a browser gets the status page in their language (re-executed by the middleware), not JSON.
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Invalid(IDictionary<string, string[]> errors) => new HttpValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more fields are invalid",
        Detail = string.Join(" ", errors.SelectMany(error => error.Value)),
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails { Status = exception.StatusCode, Title = "The request cannot be processed", Detail = exception.Message };
        }

        if (exception.InnerException is JsonException json)
        {
            var unmapped = UnmappedMember().Match(json.Message);
            if (unmapped.Success)
            {
                var path = JsonPath(json.Path ?? unmapped.Groups["name"].Value);
                return Invalid(new Dictionary<string, string[]> { [path] = [$"'{path}' is not a field of this request."] });
            }

            if (json.Message.StartsWith("Duplicate property", StringComparison.Ordinal) && json.Path is { Length: > 1 } duplicatePath)
            {
                var duplicate = JsonPath(duplicatePath);
                return Invalid(new Dictionary<string, string[]> { [duplicate] = [$"'{duplicate}' is given more than once."] });
            }

            if (json.Path is { Length: > 1 } jsonPath)
            {
                var field = JsonPath(jsonPath);
                return Invalid(new Dictionary<string, string[]> { [field] = [$"'{field}' {ExpectedValue(json.Message, field)}"] });
            }

            return Invalid(new Dictionary<string, string[]> { ["body"] = ["The request body is not valid JSON."] });
        }

        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success
            ? Invalid(new Dictionary<string, string[]> { [parameter.Groups["name"].Value] = [$"'{parameter.Groups["name"].Value}' has a value of the wrong type."] })
            : Invalid(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
    }

    /// <summary>
    /// What the field should have held. System.Text.Json names the type it was building (for
    /// records, the record holding the field), so the field's own type is looked up on it.
    /// </summary>
    private static string ExpectedValue(string message, string jsonPath)
    {
        if (message.Contains("could not be converted to System.Collections.", StringComparison.Ordinal))
        {
            return "must be a list.";
        }

        var target = TargetType().Match(message);
        var named = target.Success ? FindType(target.Groups["type"].Value) : null;
        var fieldName = jsonPath[(jsonPath.LastIndexOf('.') + 1)..].Split('[')[0];
        var fieldType = named?.GetProperty(fieldName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType ?? named;
        fieldType = fieldType is null ? null : Nullable.GetUnderlyingType(fieldType) ?? fieldType;
        if (jsonPath.EndsWith(']') && fieldType is { IsGenericType: true })
        {
            fieldType = fieldType.GetGenericArguments()[0];
        }

        return fieldType switch
        {
            { IsEnum: true } => $"must be one of {string.Join(", ", Enum.GetNames(fieldType))}.",
            _ when fieldType == typeof(CentreCode) => $"must be {CentreCode.FormatDescription}.",
            _ when fieldType == typeof(bool) => "must be true or false.",
            _ when fieldType == typeof(int) || fieldType == typeof(long) => "must be a whole number.",
            _ when fieldType == typeof(string) => "must be a string.",
            { IsGenericType: true } when fieldType.GetInterface("IEnumerable") is not null => "must be a list.",
            { IsClass: true } => "must be an object.",
            _ => "has a value of the wrong type.",
        };
    }

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly.GetName().Name?.StartsWith("Cases.", StringComparison.Ordinal) == true)
            .Select(assembly => assembly.GetType(fullName))
            .FirstOrDefault(type => type is not null);

    /// <summary>"$.parties[0].Name" or "Parties[0].Name" → "parties[0].name": field names as the JSON spells them.</summary>
    private static string JsonPath(string path) =>
        string.Join('.', path.TrimStart('$').TrimStart('.').Split('.').Select(WorkflowsRegistration.JsonName));

    [GeneratedRegex(@"could not be converted to (System\.Nullable`1\[)?(?<type>[^\],\s]+?)\.?( Path|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TargetType();

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"parameter ""\S+ (?<name>[^""]+)"" from", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
