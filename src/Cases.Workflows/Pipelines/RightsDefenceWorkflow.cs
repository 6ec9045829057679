using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Deadlines;
using Cases.Domain.Centres;
using Cases.Domain.Procedures.RightsDefence;
using Cases.Domain.Regions;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Pipelines;

/// <summary>
/// Rights defence: administrative handling of a patent infringement dispute (维权 / 专利侵权纠纷处理).
/// A complaint is triaged with a jurisdiction check: in jurisdiction it is accepted (立案) or refused
/// within 5 working days; out of it, it is referred to the centre of the region concerned
/// (跨地区案件移送), which accepts or declines within its own time limit. An accepted case is served
/// on the respondent, who has 15 days to answer (答辩); it is investigated (and may be suspended,
/// 中止, e.g. while an invalidation request is pending), optionally heard orally, and decided within
/// 3 months of acceptance (one supervisor-approved extension). With both parties' consent it can go
/// to mediation. Information notices (信息通报) and co-investigation requests (协查) can be sent to
/// other centres while the case is open.
/// </summary>
public sealed class RightsDefenceWorkflow : IWorkflowDefinitionSource
{
    public const string Id = "rights-defence";

    /// <summary>The states in which a case is open: notices and co-investigation requests can be sent, the complaint withdrawn.</summary>
    private static readonly string[] OpenStates =
        ["Filed", "AwaitingService", "AwaitingDefence", "Investigation", "Suspended", "HearingScheduled", "Deliberation", "InMediation"];

    private static readonly string[] RegionCodes = [.. Region.All.Select(region => region.Code)];

    public IEnumerable<WorkflowBuilder> Versions()
    {
        yield return Version1();
    }

    public IEnumerable<DeadlineRule> DeadlineRules() => DefaultDeadlineRules.Of(Id);

    public static WorkflowBuilder Version1() =>
        new WorkflowBuilder(Id, 1, "Rights defence (patent infringement dispute)", "维权（专利侵权纠纷处理）")
            .Serves(CaseKind.RightsDefence)
            .Initial("Filed", "已收件待分流", state => state.Starts(Clocks.AcceptanceDecision))
            .Waiting("AwaitingReferralAcceptance", "待接收移送")
            .Active("AwaitingService", "待送达")
            .Waiting("AwaitingDefence", "答辩期")
            .Active("Investigation", "调查取证")
            .Waiting("Suspended", "中止")
            .Active("HearingScheduled", "待口头审理")
            .Active("Deliberation", "合议")
            .Waiting("InMediation", "调解中")
            .Terminal("Refused", "不予立案")
            .Terminal("Decided", "已作出处理决定")
            .Terminal("Settled", "调解结案")
            .Terminal("Withdrawn", "撤回结案")
            .Transition("acceptCase", "立案", step => step
                .From("Filed").To("AwaitingService").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("infringementRegion", PayloadFieldKind.Choice, required: true, maximumLength: 2, RegionCodes)
                .When("the infringement is within the centre's jurisdiction", (@case, payload) =>
                    new CaseMustBeWithinTheCentresJurisdictionRule(payload.Text("infringementRegion"), @case.HandlingCentre))
                .Keeps("infringementRegion")
                .Records("CaseAccepted")
                .Stops(Clocks.AcceptanceDecision)
                .Starts(Clocks.RespondentService)
                .Starts(Clocks.HandlingDecision))
            .Transition("refuseCase", "不予立案", step => step
                .From("Filed").To("Refused").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("CaseRefused")
                .Stops(Clocks.AcceptanceDecision))
            .Transition("referCase", "跨地区移送", step => step
                .From("Filed").To("AwaitingReferralAcceptance").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes(WorkflowDefinitionChecks.ReferralCentreField, PayloadFieldKind.CentreCode)
                .Takes("infringementRegion", PayloadFieldKind.Choice, required: true, maximumLength: 2, RegionCodes)
                .Takes("reason", PayloadFieldKind.Text)
                .When("the receiving centre has jurisdiction", (_, payload) =>
                    new ReferralMustGoToACentreWithJurisdictionRule(payload.Text("infringementRegion"), CentreIn(payload)))
                .Refers()
                .Keeps("infringementRegion")
                .Sends("CaseReferred", MessageRecipient.CentreIn(WorkflowDefinitionChecks.ReferralCentreField))
                .Records("CaseReferred")
                .Stops(Clocks.AcceptanceDecision)
                .Starts(Clocks.ReferralResponse))
            .Transition("acceptReferral", "接收移送", step => step
                .From("AwaitingReferralAcceptance").To("Filed").By(Role.IntakeOfficer, Role.Supervisor)
                .TakesOverReferral()
                .Sends("ReferralAccepted", MessageRecipient.HandlingCentre)
                .Records("ReferralAccepted")
                .Stops(Clocks.ReferralResponse))
            .Transition("declineReferral", "拒绝接收移送", step => step
                .From("AwaitingReferralAcceptance").To("Filed").By(Role.IntakeOfficer, Role.Supervisor)
                .Takes("reason", PayloadFieldKind.Text)
                .EndsReferral()
                .Sends("ReferralDeclined", MessageRecipient.HandlingCentre)
                .Records("ReferralDeclined")
                .Stops(Clocks.ReferralResponse))
            .Transition("withdrawReferral", "撤回移送", step => step
                .From("AwaitingReferralAcceptance").To("Filed").By(Role.Supervisor)
                .Takes("reason", PayloadFieldKind.Text)
                .EndsReferral()
                .Records("ReferralWithdrawn")
                .Stops(Clocks.ReferralResponse))
            .Transition("serveRespondent", "送达被请求人", step => step
                .From("AwaitingService").To("AwaitingDefence").By(Role.CaseHandler)
                .Takes("servedOn", PayloadFieldKind.Date)
                .Keeps("servedOn")
                .Records("RespondentServed")
                .Stops(Clocks.RespondentService)
                .Starts(Clocks.DefencePeriod))
            .Transition("recordDefence", "收到答辩", step => step
                .From("AwaitingDefence").To("Investigation").By(Role.CaseHandler)
                .Takes("summary", PayloadFieldKind.Text, required: false)
                .Records("DefenceReceived")
                .Stops(Clocks.DefencePeriod))
            .Transition("closeDefencePeriod", "答辩期满", step => step
                .From("AwaitingDefence").To("Investigation").By(Role.CaseHandler)
                .Records("DefencePeriodEnded")
                .Stops(Clocks.DefencePeriod))
            .Transition("suspendCase", "中止", step => step
                .From("Investigation", "HearingScheduled").To("Suspended").By(Role.CaseHandler, Role.Supervisor)
                .Takes("ground", PayloadFieldKind.Choice, required: true, maximumLength: 40, "InvalidationRequestPending", "RelatedCaseUndecided", "Other")
                .Takes("reason", PayloadFieldKind.Text)
                .Records("CaseSuspended")
                .Pauses(Clocks.HandlingDecision))
            .Transition("resumeCase", "恢复", step => step
                .From("Suspended").To("Investigation").By(Role.CaseHandler, Role.Supervisor)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("CaseResumed")
                .Resumes(Clocks.HandlingDecision))
            .Transition("scheduleHearing", "决定口头审理", step => step
                .From("Investigation").To("HearingScheduled").By(Role.CaseHandler)
                .Takes("hearingDate", PayloadFieldKind.Date)
                .Keeps("hearingDate")
                .Records("HearingScheduled"))
            .Transition("recordHearing", "口头审理", step => step
                .From("HearingScheduled").To("Deliberation").By(Role.CaseHandler)
                .Takes("minutes", PayloadFieldKind.Text)
                .Records("HearingHeld"))
            .Transition("concludeInvestigation", "调查终结", step => step
                .From("Investigation").To("Deliberation").By(Role.CaseHandler)
                .Records("InvestigationConcluded"))
            .Transition("extendDecisionPeriod", "延长办案期限", step => step
                .From("Investigation", "Suspended", "HearingScheduled", "Deliberation").StaysInPlace().By(Role.Supervisor)
                .Takes("reason", PayloadFieldKind.Text)
                .When("the decision period was not extended before", (@case, _) =>
                    new TimeLimitMayBeExtendedOnlyOnceRule(Clocks.HandlingDecision, @case.ClockNamed(Clocks.HandlingDecision)))
                .Records("DecisionPeriodExtended")
                .Extends(Clocks.HandlingDecision))
            .Transition("decideCase", "作出处理决定", step => step
                .From("Deliberation").To("Decided").By(Role.CaseHandler)
                .Takes("outcome", PayloadFieldKind.Choice, required: true, maximumLength: 40, "InfringementEstablished", "InfringementNotEstablished")
                .Takes("decisionDate", PayloadFieldKind.Date)
                .Takes("reason", PayloadFieldKind.Text)
                .Keeps("outcome", "decisionDate")
                .Records("DecisionIssued")
                .Stops(Clocks.HandlingDecision)
                .Starts(Clocks.LawsuitWindow))
            .Transition("referToMediation", "转调解", step => step
                .From("AwaitingService", "AwaitingDefence", "Investigation", "Deliberation").To("InMediation").By(Role.CaseHandler)
                .Takes("complainantConsents", PayloadFieldKind.Boolean)
                .Takes("respondentConsents", PayloadFieldKind.Boolean)
                .When("both parties consent", (_, payload) =>
                    new BothPartiesMustConsentToMediationRule(payload.Boolean("complainantConsents"), payload.Boolean("respondentConsents")))
                .Records("CaseReferredToMediation")
                .Pauses(Clocks.HandlingDecision))
            .Transition("recordSettlement", "调解成功", step => step
                .From("InMediation").To("Settled").By(Role.Mediator, Role.CaseHandler)
                .Takes("agreementTerms", PayloadFieldKind.Text)
                .Records("DisputeSettled")
                .Stops(Clocks.HandlingDecision))
            .Transition("endMediation", "调解不成", step => step
                .From("InMediation").To("Investigation").By(Role.Mediator, Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("MediationFailed")
                .Resumes(Clocks.HandlingDecision))
            .Transition("withdrawComplaint", "撤回请求", step => step
                .From(OpenStates).To("Withdrawn").By(Role.CaseHandler, Role.IntakeOfficer, Role.EnterpriseUser)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("ComplaintWithdrawn")
                .Stops(Clocks.AcceptanceDecision)
                .Stops(Clocks.RespondentService)
                .Stops(Clocks.DefencePeriod)
                .Stops(Clocks.HandlingDecision)
                .Stops(Clocks.CoInvestigationResponse))
            .Transition("sendInformationNotice", "信息通报", step => step
                .From(OpenStates).StaysInPlace().By(Role.CaseHandler, Role.Supervisor)
                .Takes("recipient", PayloadFieldKind.CentreCode)
                .Takes("subject", PayloadFieldKind.Text, maximumLength: 200)
                .Takes("message", PayloadFieldKind.Text)
                .Sends("InformationNoticeSent", MessageRecipient.CentreIn("recipient"))
                .Records("InformationNoticeSent"))
            .Transition("requestCoInvestigation", "发起协查", step => step
                .From(OpenStates).StaysInPlace().By(Role.CaseHandler)
                .Takes("recipient", PayloadFieldKind.CentreCode)
                .Takes("request", PayloadFieldKind.Text)
                .When("no co-investigation is pending", (@case, _) =>
                    new CoInvestigationMustNotAlreadyBePendingRule(@case.ClockNamed(Clocks.CoInvestigationResponse)))
                .Sends("CoInvestigationRequested", MessageRecipient.CentreIn("recipient"))
                .Records("CoInvestigationRequested")
                .Starts(Clocks.CoInvestigationResponse))
            .Transition("recordCoInvestigationResponse", "协查回复", step => step
                .From(OpenStates).StaysInPlace().By(Role.CaseHandler)
                .Takes("findings", PayloadFieldKind.Text)
                .When("a co-investigation is pending", (@case, _) =>
                    new CoInvestigationMustBePendingRule(@case.ClockNamed(Clocks.CoInvestigationResponse)))
                .Records("CoInvestigationAnswered")
                .Stops(Clocks.CoInvestigationResponse));

    private static CentreCode? CentreIn(ActionPayload payload) =>
        payload.Text(WorkflowDefinitionChecks.ReferralCentreField) is { } code ? new CentreCode(code) : null;

    /// <summary>The pipeline's time limits (defaults and sources in the legal-time rules).</summary>
    public static class Clocks
    {
        /// <summary>Accept or refuse within 5 working days of receipt (立案审查期限).</summary>
        public const string AcceptanceDecision = "AcceptanceDecision";

        /// <summary>The receiving centre's time to accept or decline a referral, by its own calendar; escalates to the sending centre's supervisor.</summary>
        public const string ReferralResponse = "ReferralResponse";

        /// <summary>Serve the request on the respondent within 5 working days of acceptance (送达期限).</summary>
        public const string RespondentService = "RespondentService";

        /// <summary>The respondent's 15 days to answer (答辩期).</summary>
        public const string DefencePeriod = "DefencePeriod";

        /// <summary>Decide within 3 months of acceptance (结案期限); paused while suspended; one extension of up to 1 month.</summary>
        public const string HandlingDecision = "HandlingDecision";

        /// <summary>The other centre's time to answer a co-investigation request (协查回复期限).</summary>
        public const string CoInvestigationResponse = "CoInvestigationResponse";

        /// <summary>The parties' 15 days to sue against the decision (起诉期限, 专利法 art. 65).</summary>
        public const string LawsuitWindow = "LawsuitWindow";
    }
}
