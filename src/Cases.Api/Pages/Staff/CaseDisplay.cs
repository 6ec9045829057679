using System.Globalization;
using Cases.Api.Web;
using Cases.Domain.Cases;
using Cases.Domain.Regions;
using Cases.Domain.Rights;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Api.Pages.Staff;

/// <summary>
/// How the staff pages write what a case holds in the reader's language: party roles, kinds of
/// right, the values steps kept (a centre's name for its code, a date as the reader writes dates),
/// and what each timeline entry was. Workflow names themselves come from <see cref="WorkflowTerms"/>.
/// </summary>
public sealed class CaseDisplay(Texts texts, WorkflowTerms terms, WorkflowCatalog workflows)
{
    /// <summary>Timeline data shown in the entry's own words (its name, the states), not as a field list.</summary>
    private static readonly IReadOnlySet<string> DataShownOtherwise = new HashSet<string>(StringComparer.Ordinal)
    {
        "action", "from", "to", "number", "kind", "workflow", "enterprise", "priority", "text", WorkflowActionReasonField,
    };

    private const string WorkflowActionReasonField = "reason";

    public string PartyRole(PartyRole role, CaseKind kind) => WorkflowTerms.Party(texts, role, kind);

    public string PartyKind(PartyKind kind) => kind switch
    {
        Domain.Cases.PartyKind.Person => texts["Natural person"],
        Domain.Cases.PartyKind.Organisation => texts["Organisation"],
        _ => kind.ToString(),
    };

    public string RightKind(IntellectualPropertyKind kind) => kind switch
    {
        IntellectualPropertyKind.InventionPatent => texts["Invention patent"],
        IntellectualPropertyKind.UtilityModelPatent => texts["Utility model patent"],
        IntellectualPropertyKind.DesignPatent => texts["Design patent"],
        IntellectualPropertyKind.Trademark => texts["Registered trademark"],
        IntellectualPropertyKind.Copyright => texts["Copyright"],
        _ => texts["Other right"],
    };

    /// <summary>A case kind named by the queue's text, e.g. "RightsDefence".</summary>
    public string Kind(string kind) => Enum.TryParse<CaseKind>(kind, out var parsed) ? terms.Kind(parsed) : kind;

    /// <summary>
    /// A state of a case known only by its kind (the queue's rows): named as the kind's current
    /// workflow names it, which is the version nearly every open case runs on.
    /// </summary>
    public string State(string kind, string state) =>
        Enum.TryParse<CaseKind>(kind, out var parsed) ? terms.State(workflows.ForNewCase(parsed).Pin, state) : WorkflowTerms.Words(state);

    /// <summary>A value a step kept or recorded, as its field's kind says to write it.</summary>
    public string Value(WorkflowDefinition? definition, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var kind = definition?.Transitions.SelectMany(transition => transition.Payload).FirstOrDefault(payload => payload.Name == field)?.Kind;
        if (kind == PayloadFieldKind.Boolean || value is "true" or "false")
        {
            return value == "true" ? texts["Yes"] : texts["No"];
        }

        if (kind == PayloadFieldKind.Date && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Formats.Date(date);
        }

        if (Region.TryFromCode(value, out _))
        {
            return WorkflowTerms.Centre(value);
        }

        return kind == PayloadFieldKind.Choice ? terms.Field(value) : value;
    }

    /// <summary>What happened: the action taken, for a workflow step; the entry's own name otherwise.</summary>
    public string EventName(WorkflowPin workflow, CaseEventView entry)
    {
        if (entry.Data.TryGetValue("action", out var action) && !string.IsNullOrEmpty(action))
        {
            return terms.Action(workflow, action);
        }

        return entry.Type switch
        {
            CaseEventTypes.CaseFiled => texts["Case received"],
            CaseEventTypes.CasePriorityChanged => entry.Data.GetValueOrDefault("priority") == "true" ? texts["Marked as a priority"] : texts["Priority mark removed"],
            CaseEventTypes.InternalNoteAdded => texts["Internal note added"],
            CaseEventTypes.CaseWorkflowMigrated => texts["Moved to another workflow version"],
            _ => texts[WorkflowTerms.Words(entry.Type)],
        };
    }

    /// <summary>The entry's fields other than those its name and states already say, labelled in the reader's language.</summary>
    public IEnumerable<(string Label, string Value)> Details(WorkflowDefinition? definition, CaseEventView entry)
    {
        foreach (var (field, value) in entry.Data.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // A referral records its centres itself; the referral form's centre says the same as "referred to".
            if (DataShownOtherwise.Contains(field) || string.IsNullOrEmpty(value) || (field == WorkflowDefinitionChecks.ReferralCentreField && entry.Data.ContainsKey("referredTo")))
            {
                continue;
            }

            var label = field switch
            {
                "referredTo" => texts["Referred to"],
                "referredFrom" => texts["Referred by"],
                "handlingCentre" => texts["Handling centre"],
                "referralEndedAt" => texts["Referral ended (the centre it was referred to)"],
                _ => terms.Field(field),
            };
            yield return (label, Value(definition, field, value));
        }
    }
}
