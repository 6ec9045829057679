using System.Globalization;
using System.Text;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Deadlines;
using Cases.Domain.Rights;
using Cases.Domain.Regions;
using Cases.Workflows.Engine.Catalog;

namespace Cases.Api.Web;

/// <summary>
/// The names of workflow states, actions and payload fields in the reader's language. English is
/// the identifier in words (AwaitingConsent → "Awaiting consent"); Simplified Chinese is the name
/// the workflow definition gives (待被申请人同意), so it is written once; Traditional Chinese comes
/// from the texts (workflow-terms.json), keyed by the English. Field labels are ordinary texts.
/// </summary>
public sealed class WorkflowTerms(Texts texts, WorkflowCatalog workflows)
{
    public string State(WorkflowPin workflow, string state) =>
        Term(state, workflows.TryGet(workflow, out var definition) && definition.TryGetState(state, out var found) ? found.ChineseName : null, scope: workflow.Id);

    public string State(string workflowId, int version, string state) => State(new WorkflowPin(workflowId, version), state);

    public string Action(WorkflowPin workflow, string action) =>
        Term(action, workflows.TryGet(workflow, out var definition) ? definition.Transitions.FirstOrDefault(transition => transition.Action == action)?.ChineseName : null, scope: workflow.Id);

    public string Action(string workflowId, int version, string action) => Action(new WorkflowPin(workflowId, version), action);

    public string Workflow(string workflowId) =>
        workflows.All.FirstOrDefault(definition => definition.Id == workflowId) is { } definition
            ? Term(definition.Name, definition.ChineseName, humanize: false)
            : workflowId;

    /// <summary>A payload field's label, e.g. receivedOn → "Received on" / 收到日期.</summary>
    public string Field(string field) => texts[Words(field)];

    /// <summary>A case kind, e.g. RightsDefence → "Rights defence" / 维权.</summary>
    public string Kind(CaseKind kind) => texts[Words(kind.ToString())];

    /// <summary>A deadline's clock, e.g. DefencePeriod → "Defence period" / 答辩期.</summary>
    public string Clock(string clock) => texts[Words(clock)];

    /// <summary>Where a deadline stands, e.g. MetLate → "Met late" / 逾期完成.</summary>
    public string Status(string status) => texts[Words(status)];

    /// <summary>Where a deadline stands, e.g. Paused → "Paused" / 已中止计时.</summary>
    public string Status(DeadlineStatus status) => Status(status.ToString());

    /// <summary>A line of a deadline's explanation by its kind, e.g. MovedForward → "Moved forward" / 顺延.</summary>
    public string CountingStep(string kind) => texts[Words(kind)];

    /// <summary>A case timeline entry, e.g. RespondentNotified → "Respondent notified" / 已通知被申请人.</summary>
    public string Event(string type) => texts[Words(type)];

    /// <summary>A kind of party, e.g. Organisation → "Organisation" / 单位.</summary>
    public string PartyKind(PartyKind kind) => texts[Words(kind.ToString())];

    /// <summary>An amount of a period unit as the API spells units: (15, "working-days") → "15 working days" / 15 个工作日.</summary>
    public string Period(int amount, string unit) => unit switch
    {
        "working-days" => texts["{0} working days", amount],
        "days" => texts["{0} days", amount],
        "months" => texts["{0} months", amount],
        "hours" => texts["{0} hours", amount],
        _ => $"{amount} {unit}",
    };

    /// <summary>A person's role, e.g. CaseHandler → "Case handler" / 承办人.</summary>
    public string Role(Role role) => texts[Words(role.ToString())];

    /// <summary>A party's role in a case, e.g. Complainant → "Complainant" / 请求人.</summary>
    public string Party(PartyRole role, CaseKind kind) => Party(texts, role, kind);

    /// <summary>
    /// A party's role in the words of its procedure: a rights-defence respondent is 被请求人 (the
    /// one a complaint is made against), a mediation or arbitration one 被申请人. A kind's own
    /// wording is keyed "{kind}: {words}" (e.g. "RightsDefence: Respondent").
    /// </summary>
    public static string Party(Texts texts, PartyRole role, CaseKind kind)
    {
        var words = Words(role.ToString());
        var scoped = $"{kind}: {words}";
        return texts.Entry(scoped, Texts.LanguageOf(CultureInfo.CurrentUICulture)) is { } own ? own : texts[words];
    }

    /// <summary>The kind of right a case concerns, e.g. UtilityModelPatent → "Utility model patent" / 实用新型专利.</summary>
    public string Right(IntellectualPropertyKind kind) => texts[Words(kind.ToString())];

    /// <summary>A centre by its code, in the reader's language: 广东 / 廣東 / Guangdong.</summary>
    public static string Centre(string code) =>
        Region.TryFromCode(code, out var region)
            ? Texts.LanguageOf(CultureInfo.CurrentUICulture) switch
            {
                "zh-Hans" => region.SimplifiedChineseName,
                "zh-Hant" => region.TraditionalChineseName,
                _ => region.EnglishName,
            }
            : code;

    /// <summary>
    /// Names a definition gives in English and Simplified Chinese, in the reader's language. A
    /// workflow may word a shared name its own way (fast-track "Withdrawn" is 視為撤回, deemed
    /// withdrawn): an entry keyed "{workflow id}: {words}" comes before the shared one.
    /// </summary>
    public string Term(string identifier, string? chineseName, bool humanize = true, string? scope = null)
    {
        var english = humanize ? Words(identifier) : identifier;
        string? Find(string language) =>
            (scope is null ? null : texts.Entry(Scoped(scope, english), language)) ?? texts.Translation(english, language);
        return Texts.LanguageOf(CultureInfo.CurrentUICulture) switch
        {
            "zh-Hans" => chineseName ?? texts[english].Value,
            "zh-Hant" => Find("zh-Hant") ?? chineseName ?? english,
            _ => Find("en") ?? english,
        };
    }

    /// <summary>The key of a name as one workflow words it: "fast-track-pre-examination: Withdrawn".</summary>
    public static string Scoped(string workflowId, string words) => $"{workflowId}: {words}";

    /// <summary>An identifier in words: "recordJudicialConfirmationApplication" → "Record judicial confirmation application".</summary>
    public static string Words(string identifier)
    {
        var words = new StringBuilder(identifier.Length + 8);
        for (var index = 0; index < identifier.Length; index++)
        {
            var character = identifier[index];
            if (index > 0 && char.IsUpper(character) && !char.IsUpper(identifier[index - 1]))
            {
                words.Append(' ');
            }

            words.Append(index == 0 ? char.ToUpperInvariant(character) : index > 0 && char.IsUpper(character) ? char.ToLowerInvariant(character) : character);
        }

        return words.ToString();
    }
}
