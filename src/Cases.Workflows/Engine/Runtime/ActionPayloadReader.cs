using System.Globalization;
using System.Text.Json;
using Cases.Domain.Centres;
using Cases.Workflows.Engine.Definitions;
using FluentValidation;
using FluentValidation.Results;

namespace Cases.Workflows.Engine.Runtime;

/// <summary>
/// Checks an action's JSON payload against the fields its transition takes and turns it into text
/// values: every bad field is reported at once, by its path (<c>payload.grantDate</c>), as a 400.
/// </summary>
public static class ActionPayloadReader
{
    public const string PayloadPath = "payload";

    public static ActionPayload Read(TransitionDefinition transition, IReadOnlyDictionary<string, JsonElement>? payload)
    {
        payload ??= new Dictionary<string, JsonElement>();
        var failures = new List<ValidationFailure>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);

        foreach (var name in payload.Keys.Where(name => transition.Payload.All(field => field.Name != name)))
        {
            failures.Add(Failure(name, transition.Payload.Count == 0
                ? $"Action '{transition.Action}' takes no payload fields."
                : $"'{name}' is not a field of action '{transition.Action}'; it takes {string.Join(", ", transition.Payload.Select(field => field.Name))}."));
        }

        foreach (var field in transition.Payload)
        {
            if (!payload.TryGetValue(field.Name, out var element) || element.ValueKind == JsonValueKind.Null
                || (element.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(element.GetString())))
            {
                if (field.Required)
                {
                    failures.Add(Failure(field.Name, $"'{field.Name}' is required.", PayloadErrorCodes.Required));
                }

                continue;
            }

            var (value, problem) = Convert(field, element);
            if (problem is null)
            {
                values[field.Name] = value;
            }
            else
            {
                failures.Add(Failure(field.Name, problem.Value.Message, problem.Value.Code));
            }
        }

        return failures.Count == 0 ? new ActionPayload(values) : throw new ValidationException(failures);
    }

    private static (string? Value, (string Message, string Code)? Problem) Convert(PayloadField field, JsonElement element)
    {
        if (field.Kind == PayloadFieldKind.Boolean)
        {
            return element.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? (element.ValueKind == JsonValueKind.True ? "true" : "false", null)
                : (null, ($"'{field.Name}' must be true or false.", PayloadErrorCodes.NotTrueOrFalse));
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return (null, ($"'{field.Name}' must be a string.", PayloadErrorCodes.NotText));
        }

        var text = element.GetString()!.Trim();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, ($"'{field.Name}' must not contain the NUL character (U+0000).", PayloadErrorCodes.NotText));
        }

        return field.Kind switch
        {
            PayloadFieldKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? (text, null)
                : (null, ($"'{field.Name}' must be a date written yyyy-MM-dd.", PayloadErrorCodes.NotADate)),
            PayloadFieldKind.Choice => field.AllowedValues!.Contains(text, StringComparer.Ordinal)
                ? (text, null)
                : (null, ($"'{field.Name}' must be one of {string.Join(", ", field.AllowedValues!)}.", PayloadErrorCodes.NotAChoice)),
            PayloadFieldKind.CentreCode => new CentreCode(text).IsWellFormed
                ? (text, null)
                : (null, ($"'{field.Name}' must be {CentreCode.FormatDescription}.", PayloadErrorCodes.NotACentre)),
            _ => text.Length <= field.MaximumLength
                ? (text, null)
                : (null, ($"'{field.Name}' must be {field.MaximumLength} characters or fewer; it has {text.Length}.", PayloadErrorCodes.TooLong)),
        };
    }

    private static ValidationFailure Failure(string field, string message, string code = PayloadErrorCodes.NotAField) =>
        new($"{PayloadPath}.{field}", message) { ErrorCode = code };
}

/// <summary>
/// What was wrong with a payload field, as a code a client can put into its own words (the web
/// interface does, in the reader's language); the message says it in English.
/// </summary>
public static class PayloadErrorCodes
{
    public const string Required = "PayloadRequired";
    public const string NotADate = "PayloadNotADate";
    public const string NotAChoice = "PayloadNotAChoice";
    public const string NotACentre = "PayloadNotACentre";
    public const string NotTrueOrFalse = "PayloadNotTrueOrFalse";
    public const string NotText = "PayloadNotText";
    public const string TooLong = "PayloadTooLong";
    public const string NotAField = "PayloadNotAField";
}
