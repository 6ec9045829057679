using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Deadlines;
using Cases.Domain.Common;
using Cases.Domain.Procedures.PreExamination;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Pipelines;

/// <summary>
/// Fast-track patent pre-examination (专利快速预审): a registered applicant files with the centre
/// before filing with CNIPA; the centre checks eligibility and formalities (asking for corrections,
/// 补正, while the pre-examination clock is paused), pre-examines, and submits what passes to CNIPA,
/// whose grant or rejection is recorded with its date and patent type so grant times can be reported.
/// </summary>
public sealed class FastTrackPreExaminationWorkflow : IWorkflowDefinitionSource
{
    public const string Id = "fast-track-pre-examination";

    public IEnumerable<WorkflowBuilder> Versions()
    {
        yield return Version1();
    }

    public IEnumerable<DeadlineRule> DeadlineRules() => DefaultDeadlineRules.Of(Id);

    public static WorkflowBuilder Version1() =>
        new WorkflowBuilder(Id, 1, "Fast-track patent pre-examination", "专利快速预审")
            .Serves(CaseKind.FastTrackPreExamination)
            .Initial("Filed", "已收件")
            .Active("FormalityCheck", "形式审查")
            .Waiting("AwaitingCorrections", "待补正")
            .Active("PreExamination", "预审")
            .Active("Passed", "预审合格")
            .Waiting("AwaitingCnipaDecision", "待国家知识产权局审查")
            .Terminal("Ineligible", "不予受理")
            .Terminal("Withdrawn", "视为撤回")
            .Terminal("NotPassed", "预审不合格")
            .Terminal("Granted", "已授权")
            .Terminal("Rejected", "已驳回")
            .Transition("confirmEligibility", "资格审查通过", step => step
                .From("Filed").To("FormalityCheck").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("ipcClass", PayloadFieldKind.Text, maximumLength: 20)
                .Takes("pctNationalPhase", PayloadFieldKind.Boolean)
                .When("the applicant is registered with the centre", async (context, cancellationToken) =>
                {
                    var applicant = context.Case.Parties.First(party => party.Role == PartyRole.Applicant);
                    return new ApplicantMustBeRegisteredWithTheCentreRule(applicant.Name, context.Case.HandlingCentre,
                        await context.Facts.IsRegisteredApplicantAsync(context.Case.HandlingCentre, applicant, cancellationToken));
                })
                .When("the technical field is within the centre's scope", async (context, cancellationToken) =>
                    new TechnicalFieldMustBeWithinTheCentreScopeRule(context.Payload.Text("ipcClass"), context.Case.HandlingCentre,
                        await context.Facts.TechnicalScopeOfAsync(context.Case.HandlingCentre, cancellationToken)))
                .When("not a PCT national-phase application", (_, payload) => new ApplicationMustNotBeAPctNationalPhaseRule(payload.Boolean("pctNationalPhase")))
                .Keeps("ipcClass")
                .Records("EligibilityConfirmed")
                .Starts(Clocks.PreExamination))
            .Transition("refuseAsIneligible", "不予受理", step => step
                .From("Filed").To("Ineligible").By(Role.IntakeOfficer, Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("EligibilityRefused"))
            .Transition("requestCorrections", "发出补正通知", step => step
                .From("FormalityCheck", "PreExamination").To("AwaitingCorrections").By(Role.CaseHandler)
                .Takes("deficiencies", PayloadFieldKind.Text)
                .Records("CorrectionsRequested")
                .Pauses(Clocks.PreExamination)
                .Starts(Clocks.CorrectionsResponse))
            .Transition("submitCorrections", "提交补正", step => step
                .From("AwaitingCorrections").To("FormalityCheck").By(Role.EnterpriseUser, Role.CaseHandler)
                .Takes("corrections", PayloadFieldKind.Text)
                .Records("CorrectionsSubmitted")
                .Stops(Clocks.CorrectionsResponse)
                .Resumes(Clocks.PreExamination))
            .Transition("treatAsWithdrawn", "视为撤回", step => step
                .From("AwaitingCorrections").To("Withdrawn").By(Role.CaseHandler, Role.Supervisor)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("ApplicationWithdrawn")
                .Stops(Clocks.CorrectionsResponse)
                .Stops(Clocks.PreExamination))
            .Transition("confirmFormalities", "形式审查合格", step => step
                .From("FormalityCheck").To("PreExamination").By(Role.CaseHandler)
                .Records("FormalitiesConfirmed"))
            .Transition("passPreExamination", "预审合格", step => step
                .From("PreExamination").To("Passed").By(Role.CaseHandler)
                .Records("PreExaminationPassed")
                .Stops(Clocks.PreExamination))
            .Transition("failPreExamination", "预审不合格", step => step
                .From("PreExamination").To("NotPassed").By(Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text)
                .Records("PreExaminationFailed")
                .Stops(Clocks.PreExamination))
            .Transition("submitToCnipa", "提交国家知识产权局", step => step
                .From("Passed").To("AwaitingCnipaDecision").By(Role.CaseHandler)
                .Takes("cnipaApplicationNumber", PayloadFieldKind.Text, required: false, maximumLength: 20)
                .Keeps("cnipaApplicationNumber")
                .Sends("PreExaminedApplicationSubmitted", MessageRecipient.External("CNIPA"))
                .Records("ApplicationSubmittedToCnipa")
                .Starts(Clocks.CnipaDecision))
            .Transition("recordGrant", "授权", step => step
                .From("AwaitingCnipaDecision").To("Granted").By(Role.CaseHandler)
                .Takes("grantDate", PayloadFieldKind.Date)
                .Takes("patentType", PayloadFieldKind.Choice, required: true, maximumLength: 20, "Invention", "UtilityModel", "Design")
                .When("the grant date lies between filing and today", DecisionDateRule("grantDate"))
                .Keeps("grantDate", "patentType")
                .Records("PatentGranted")
                .Stops(Clocks.CnipaDecision))
            .Transition("recordRejection", "驳回", step => step
                .From("AwaitingCnipaDecision").To("Rejected").By(Role.CaseHandler)
                .Takes("rejectionDate", PayloadFieldKind.Date)
                .Takes("reason", PayloadFieldKind.Text)
                .When("the rejection date lies between filing and today", DecisionDateRule("rejectionDate"))
                .Keeps("rejectionDate")
                .Records("ApplicationRejected")
                .Stops(Clocks.CnipaDecision));

    private static Func<GuardContext, CancellationToken, ValueTask<IBusinessRule>> DecisionDateRule(string field) =>
        (context, _) =>
        {
            var region = context.Case.HandlingCentre.GetRegion();
            return ValueTask.FromResult<IBusinessRule>(new DecisionDateMustFallBetweenFilingAndTodayRule(
                context.Payload.Date(field), region.LocalDateOf(context.Case.FiledAt), region.LocalDateOf(context.Now)));
        };

    /// <summary>The pipeline's time limits, by the names the legal-time engine knows them.</summary>
    public static class Clocks
    {
        /// <summary>The centre's published pre-examination service period (预审期限); paused while corrections are awaited.</summary>
        public const string PreExamination = "PreExamination";

        /// <summary>The applicant's time to answer a request for corrections (补正期限).</summary>
        public const string CorrectionsResponse = "CorrectionsResponse";

        /// <summary>CNIPA's examination after a passed pre-examination (≈3 months invention, ≈1 month utility model, &lt;10 days design), tracked for reporting.</summary>
        public const string CnipaDecision = "CnipaDecision";
    }
}
