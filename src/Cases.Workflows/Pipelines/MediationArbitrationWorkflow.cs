using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Deadlines;
using Cases.Domain.Common;
using Cases.Domain.Procedures.Mediation;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Pipelines;

/// <summary>
/// Mediation, then arbitration (调解 → 仲裁). A mediation application needs the respondent's
/// consent within 15 days, or it is closed; a mediator with no recorded link to either party is
/// assigned; sessions are recorded; an agreement (调解协议) opens a 30-day window for a joint
/// application for judicial confirmation (司法确认). A failed mediation goes to arbitration when the
/// parties have an arbitration agreement: a tribunal is formed (with the same conflict check), hears
/// the case and makes its award within 4 months of formation, or 6 when a party is foreign-related
/// (Hong Kong and Macao included). Disputes filed directly for arbitration start there.
/// </summary>
public sealed class MediationArbitrationWorkflow : IWorkflowDefinitionSource
{
    public const string Id = "mediation-arbitration";

    private static readonly string[] OpenStates =
        ["Filed", "AwaitingConsent", "AwaitingMediator", "InMediation", "MediationFailed", "AwaitingTribunal", "TribunalFormed", "AwaitingAward"];

    public IEnumerable<WorkflowBuilder> Versions()
    {
        yield return Version1();
    }

    public IEnumerable<DeadlineRule> DeadlineRules() => DefaultDeadlineRules.Of(Id);

    public static WorkflowBuilder Version1() =>
        new WorkflowBuilder(Id, 1, "Mediation and arbitration", "调解与仲裁")
            .Serves(CaseKind.Mediation, CaseKind.Arbitration)
            .Initial("Filed", "已申请")
            .Waiting("AwaitingConsent", "待被申请人同意")
            .Active("AwaitingMediator", "待指派调解员")
            .Active("InMediation", "调解中")
            .Waiting("AwaitingJudicialConfirmation", "司法确认申请期")
            .Active("MediationFailed", "调解不成")
            .Active("AwaitingTribunal", "待组庭")
            .Active("TribunalFormed", "已组庭")
            .Active("AwaitingAward", "待裁决")
            .Terminal("ClosedWithoutMediation", "不予调解")
            .Terminal("ClosedByAgreement", "调解结案")
            .Terminal("ClosedWithoutAgreement", "调解终结")
            .Terminal("Awarded", "已裁决")
            .Terminal("Withdrawn", "撤回")
            .Transition("notifyRespondent", "通知被申请人", step => step
                .From("Filed").To("AwaitingConsent").By(Role.IntakeOfficer, Role.CaseHandler)
                .When("the case is a mediation application", (@case, _) => new CaseMustBeOfKindRule(@case.Kind, CaseKind.Mediation))
                .Records("RespondentNotified")
                .Starts(Clocks.RespondentConsent))
            .Transition("recordConsent", "被申请人同意调解", step => step
                .From("AwaitingConsent").To("AwaitingMediator").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("receivedOn", PayloadFieldKind.Date)
                .Records("RespondentConsented")
                .Stops(Clocks.RespondentConsent))
            .Transition("recordRefusal", "被申请人拒绝调解", step => step
                .From("AwaitingConsent").To("ClosedWithoutMediation").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text, required: false)
                .Records("RespondentRefusedMediation")
                .Stops(Clocks.RespondentConsent))
            .Transition("closeForNoConsent", "逾期未同意，不予调解", step => step
                .From("AwaitingConsent").To("ClosedWithoutMediation").By(Role.CaseHandler, Role.Supervisor)
                .Records("MediationLapsed")
                .Stops(Clocks.RespondentConsent))
            .Transition("assignMediator", "指派调解员", step => step
                .From("AwaitingMediator").To("InMediation").By(Role.CentreAdmin, Role.Supervisor)
                .Takes("mediator", PayloadFieldKind.Text, maximumLength: 200)
                .When("the mediator has no link to either party", NoConflict("mediator"))
                .Keeps("mediator")
                .Records("MediatorAssigned"))
            .Transition("recordSession", "记录调解", step => step
                .From("InMediation").StaysInPlace().By(Role.Mediator)
                .Takes("sessionDate", PayloadFieldKind.Date)
                .Takes("notes", PayloadFieldKind.Text)
                .Records("MediationSessionHeld"))
            .Transition("recordAgreement", "达成调解协议", step => step
                .From("InMediation").To("AwaitingJudicialConfirmation").By(Role.Mediator)
                .Takes("agreementDate", PayloadFieldKind.Date)
                .Takes("terms", PayloadFieldKind.Text)
                .Keeps("agreementDate")
                .Records("MediationAgreementReached")
                .Starts(Clocks.JudicialConfirmation))
            .Transition("recordJudicialConfirmationApplication", "申请司法确认", step => step
                .From("AwaitingJudicialConfirmation").To("ClosedByAgreement").By(Role.Mediator, Role.CaseHandler)
                .Takes("appliedOn", PayloadFieldKind.Date)
                .Takes("court", PayloadFieldKind.Text, maximumLength: 200)
                .Keeps("appliedOn")
                .Records("JudicialConfirmationApplied")
                .Stops(Clocks.JudicialConfirmation))
            .Transition("closeWithAgreement", "调解结案", step => step
                .From("AwaitingJudicialConfirmation").To("ClosedByAgreement").By(Role.Mediator, Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text, required: false)
                .Records("MediationClosed")
                .Stops(Clocks.JudicialConfirmation))
            .Transition("recordFailure", "调解不成", step => step
                .From("InMediation").To("MediationFailed").By(Role.Mediator)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("MediationFailed"))
            .Transition("closeWithoutAgreement", "终结调解", step => step
                .From("MediationFailed").To("ClosedWithoutAgreement").By(Role.CaseHandler, Role.Mediator)
                .Takes("reason", PayloadFieldKind.Text, required: false)
                .Records("MediationEnded"))
            .Transition("referToArbitration", "提请仲裁", step => step
                .From("MediationFailed").To("AwaitingTribunal").By(Role.CaseHandler)
                .Takes("arbitrationAgreement", PayloadFieldKind.Boolean)
                .When("the parties have an arbitration agreement", (_, payload) => new ArbitrationMustRestOnAnArbitrationAgreementRule(payload.Boolean("arbitrationAgreement")))
                .Records("ArbitrationRequested"))
            .Transition("acceptArbitration", "受理仲裁", step => step
                .From("Filed").To("AwaitingTribunal").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("arbitrationAgreement", PayloadFieldKind.Boolean)
                .When("the case is an arbitration application", (@case, _) => new CaseMustBeOfKindRule(@case.Kind, CaseKind.Arbitration))
                .When("the parties have an arbitration agreement", (_, payload) => new ArbitrationMustRestOnAnArbitrationAgreementRule(payload.Boolean("arbitrationAgreement")))
                .Records("ArbitrationAccepted"))
            .Transition("formTribunal", "组成仲裁庭", step => step
                .From("AwaitingTribunal").To("TribunalFormed").By(Role.CentreAdmin, Role.Supervisor)
                .Takes("arbitrator", PayloadFieldKind.Text, maximumLength: 200)
                .When("the arbitrator has no link to either party", NoConflict("arbitrator"))
                .Keeps("arbitrator")
                .Records("TribunalFormed")
                .Starts(Clocks.DomesticAward))
            .Transition("formForeignRelatedTribunal", "组成涉外仲裁庭", step => step
                .From("AwaitingTribunal").To("TribunalFormed").By(Role.CentreAdmin, Role.Supervisor)
                .Takes("arbitrator", PayloadFieldKind.Text, maximumLength: 200)
                .Takes("foreignRelatedParty", PayloadFieldKind.Text, maximumLength: 200)
                .When("the arbitrator has no link to either party", NoConflict("arbitrator"))
                .Keeps("arbitrator", "foreignRelatedParty")
                .Records("ForeignRelatedTribunalFormed")
                .Starts(Clocks.ForeignRelatedAward))
            .Transition("holdHearing", "开庭审理", step => step
                .From("TribunalFormed").To("AwaitingAward").By(Role.Arbitrator)
                .Takes("hearingDate", PayloadFieldKind.Date)
                .Records("ArbitrationHearingHeld"))
            .Transition("renderAward", "作出裁决", step => step
                .From("AwaitingAward").To("Awarded").By(Role.Arbitrator)
                .Takes("awardDate", PayloadFieldKind.Date)
                .Takes("summary", PayloadFieldKind.Text)
                .Keeps("awardDate")
                .Records("AwardRendered")
                .Stops(Clocks.DomesticAward)
                .Stops(Clocks.ForeignRelatedAward))
            .Transition("withdrawApplication", "撤回申请", step => step
                .From(OpenStates).To("Withdrawn").By(Role.CaseHandler, Role.IntakeOfficer, Role.EnterpriseUser)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("ApplicationWithdrawn")
                .Stops(Clocks.RespondentConsent)
                .Stops(Clocks.DomesticAward)
                .Stops(Clocks.ForeignRelatedAward));

    private static Func<GuardContext, CancellationToken, ValueTask<IBusinessRule>> NoConflict(string field) =>
        async (context, cancellationToken) =>
        {
            var person = context.Payload.Text(field);
            var links = string.IsNullOrWhiteSpace(person)
                ? []
                : await context.Facts.LinksBetweenAsync(person, context.Case.Parties.Select(party => party.Name), cancellationToken);
            return new NeutralMustHaveNoLinkToEitherPartyRule(field, person, [.. links.Select(link => (link.PartyName, link.Relationship))]);
        };

    /// <summary>The pipeline's time limits.</summary>
    public static class Clocks
    {
        /// <summary>The respondent's 15 days to consent to mediation; expiry closes the application.</summary>
        public const string RespondentConsent = "RespondentConsent";

        /// <summary>30 days from the agreement taking effect to apply jointly for judicial confirmation (人民调解法 art. 33).</summary>
        public const string JudicialConfirmation = "JudicialConfirmation";

        /// <summary>The award within 4 months of the tribunal's formation (domestic).</summary>
        public const string DomesticAward = "DomesticAward";

        /// <summary>The award within 6 months of formation when a party is foreign-related (Hong Kong and Macao included).</summary>
        public const string ForeignRelatedAward = "ForeignRelatedAward";
    }
}
