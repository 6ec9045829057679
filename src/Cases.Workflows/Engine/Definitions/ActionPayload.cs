namespace Cases.Workflows.Engine.Definitions;

/// <summary>The checked values an action was given, by field name, as text (dates as yyyy-MM-dd, booleans as true/false).</summary>
public sealed class ActionPayload(IReadOnlyDictionary<string, string?> values)
{
    public static ActionPayload Empty { get; } = new(new Dictionary<string, string?>());

    public IReadOnlyDictionary<string, string?> Values { get; } = values;

    public string? Text(string field) => Values.GetValueOrDefault(field);

    public bool? Boolean(string field) => Values.GetValueOrDefault(field) is { } value ? value == "true" : null;

    public DateOnly? Date(string field) =>
        Values.GetValueOrDefault(field) is { } value && DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? date : null;
}
