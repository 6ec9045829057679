using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Clocks;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.WorkflowDefinitions;

/// <summary>A workflow definition version as the API shows it: every state and transition, each payload as a JSON schema.</summary>
public sealed record WorkflowDefinitionView(
    string Id,
    int Version,
    string Name,
    string ChineseName,
    IReadOnlyList<CaseKind> Kinds,
    string Initial,
    IReadOnlyList<StateView> States,
    IReadOnlyList<TransitionView> Transitions)
{
    public static WorkflowDefinitionView From(WorkflowDefinition definition) => new(
        definition.Id,
        definition.Version,
        definition.Name,
        definition.ChineseName,
        definition.Kinds,
        definition.Initial.Name,
        [.. definition.States.Select(state => new StateView(state.Name, state.ChineseName, state.Kind, [.. state.OnEnter.Select(ClockOperationView.From)]))],
        [.. definition.Transitions.Select(TransitionView.Of)]);
}

public sealed record StateView(string Name, string ChineseName, StateKind Kind, IReadOnlyList<ClockOperationView> OnEnter);

public sealed record ClockOperationView(ClockOperationKind Operation, string Clock)
{
    public static ClockOperationView From(ClockOperation operation) => new(operation.Kind, operation.Clock);
}

/// <summary>One transition: the action, where it may be taken from and leads to, who may take it, what it takes and does.</summary>
public sealed record TransitionView(
    string Action,
    string ChineseName,
    IReadOnlyList<string> From,
    string? To,
    bool StaysInPlace,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<string> Guards,
    PayloadSchemaView Payload,
    string Event,
    IReadOnlyList<ClockOperationView> Clocks,
    IReadOnlyList<string> Keeps,
    ReferralEffect Referral,
    IReadOnlyList<MessageView> Sends)
{
    public static TransitionView Of(TransitionDefinition transition) => new(
        transition.Action,
        transition.ChineseName,
        transition.From,
        transition.To,
        transition.StaysInPlace,
        transition.Roles,
        [.. transition.Guards.Select(guard => guard.Name)],
        PayloadSchemaView.From(transition.Payload),
        transition.EventType,
        [.. transition.Clocks.Select(ClockOperationView.From)],
        transition.Keeps,
        transition.Referral,
        [.. transition.Sends.Select(message => new MessageView(message.Type, message.Recipient.ToString()))]);
}

public sealed record MessageView(string Type, string Recipient);

/// <summary>A transition's payload as a JSON Schema object (draft 2020-12 vocabulary), so clients can build forms from it.</summary>
public sealed record PayloadSchemaView(string Type, bool AdditionalProperties, IReadOnlyList<string> Required, IReadOnlyDictionary<string, PayloadPropertyView> Properties)
{
    public static PayloadSchemaView From(IReadOnlyList<PayloadField> fields) => new(
        "object",
        false,
        [.. fields.Where(field => field.Required).Select(field => field.Name)],
        fields.ToDictionary(field => field.Name, PayloadPropertyView.From));
}

/// <summary>One payload field's schema: JSON type, format, length limit, allowed values, and our kind of field.</summary>
public sealed record PayloadPropertyView(string Type, string? Format, int? MaxLength, IReadOnlyList<string>? Enum, PayloadFieldKind Kind)
{
    public static PayloadPropertyView From(PayloadField field) => field.Kind switch
    {
        PayloadFieldKind.Boolean => new("boolean", null, null, null, field.Kind),
        PayloadFieldKind.Date => new("string", "date", null, null, field.Kind),
        PayloadFieldKind.Choice => new("string", null, null, field.AllowedValues, field.Kind),
        PayloadFieldKind.CentreCode => new("string", null, Domain.Centres.CentreCode.MaximumLength, null, field.Kind),
        _ => new("string", null, field.MaximumLength, null, field.Kind),
    };
}

/// <summary>A workflow with all its versions.</summary>
public sealed record WorkflowSummaryView(string Id, string Name, string ChineseName, IReadOnlyList<CaseKind> Kinds, int LatestVersion, IReadOnlyList<WorkflowVersionView> Versions);

public sealed record WorkflowVersionView(int Version, string Name, int States, int Transitions, string Href, string Diagram);
