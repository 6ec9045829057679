using System.Text.Json;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.WorkflowDefinitions;

namespace Cases.Api.Web;

/// <summary>
/// One workflow action offered as a form: its fields come from the action's payload schema, so every
/// action of every pipeline gets a form without a page written for it. Inputs are named
/// <c>payload.{field}</c>, as the API's JSON, so the engine's message for a field lands beside it.
/// </summary>
public sealed record ActionForm(Guid CaseId, AvailableActionsView Case, TransitionView Action, string PostUrl)
{
    public const string FieldPrefix = "payload.";

    /// <summary>The fields in the order the action takes them.</summary>
    public IEnumerable<(string Name, PayloadPropertyView Schema, bool Required)> Fields =>
        Action.Payload.Properties.Select(property => (property.Key, property.Value, Action.Payload.Required.Contains(property.Key)));

    /// <summary>The payload the API would receive from the submitted form: booleans from checkboxes, everything else as text.</summary>
    public static Dictionary<string, JsonElement> PayloadFrom(IFormCollection form, TransitionView action)
    {
        var payload = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, schema) in action.Payload.Properties)
        {
            var submitted = form[FieldPrefix + name].ToString();
            if (schema.Kind == PayloadFieldKind.Boolean)
            {
                // An unticked box is not sent at all: it means false.
                payload[name] = JsonSerializer.SerializeToElement(submitted is "true" or "on");
            }
            else if (!string.IsNullOrWhiteSpace(submitted))
            {
                payload[name] = JsonSerializer.SerializeToElement(submitted);
            }
        }

        return payload;
    }
}
