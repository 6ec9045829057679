using Cases.Domain.Calendars;
using Cases.Domain.Deadlines;

namespace Cases.Workflows.Pipelines;

/// <summary>
/// The default time limit of every pipeline clock, with its source (from the project's domain notes,
/// <c>shared/domain.md</c>). Where the source is UNVERIFIED the rule says so; administrators override
/// any rule per region through the API. Key-enterprise (priority) cases get the shorter internal target.
/// </summary>
public static class DefaultDeadlineRules
{
    private const string PatentDisputeMeasures = "专利行政执法办法 (2015) / 专利纠纷行政裁决和调解办法 (2025)";

    public static IEnumerable<DeadlineRule> Of(string workflowId) => All.Where(rule => rule.WorkflowId == workflowId);

    public static IReadOnlyList<DeadlineRule> All { get; } =
    [
        // Fast-track pre-examination (专利快速预审).
        new(FastTrackPreExaminationWorkflow.Id, FastTrackPreExaminationWorkflow.Clocks.PreExamination,
            new Period(10, PeriodUnit.WorkingDays), DeadlineCalendarOwner.HandlingCentre, new Period(3, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, null, 5,
            "Pre-examination service period (预审期限): centres publish their own; 10 working days is a default — UNVERIFIED"),
        new(FastTrackPreExaminationWorkflow.Id, FastTrackPreExaminationWorkflow.Clocks.CorrectionsResponse,
            new Period(15, PeriodUnit.Days), DeadlineCalendarOwner.HandlingCentre, null,
            DeadlineExpiry.TakeAction, "treatAsWithdrawn", null, null,
            "Applicant's time to correct (补正期限), else treated as withdrawn (视为撤回): centre service rules — UNVERIFIED"),
        new(FastTrackPreExaminationWorkflow.Id, FastTrackPreExaminationWorkflow.Clocks.CnipaDecision,
            new Period(3, PeriodUnit.Months), DeadlineCalendarOwner.HandlingCentre, null,
            DeadlineExpiry.Lapse, null, null, null,
            "CNIPA grant after a passed pre-examination: ≈3 months invention, ≈1 month utility model, <10 days design (CNIPA releases); tracked for reporting"),

        // Rights defence (维权 / 专利侵权纠纷处理).
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.AcceptanceDecision,
            new Period(5, PeriodUnit.WorkingDays), DeadlineCalendarOwner.HandlingCentre, new Period(2, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, null, 3,
            $"Accept or refuse (立案) within 5 working days of receipt: {PatentDisputeMeasures} — article UNVERIFIED"),
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.ReferralResponse,
            new Period(5, PeriodUnit.WorkingDays), DeadlineCalendarOwner.ReceivingCentre, new Period(2, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, null, null,
            "Receiving centre accepts or declines a cross-region referral (跨地区案件移送), by its own calendar: 泛珠三角区域深化知识产权合作协议 — period UNVERIFIED"),
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.RespondentService,
            new Period(5, PeriodUnit.WorkingDays), DeadlineCalendarOwner.HandlingCentre, new Period(2, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, null, null,
            $"Serve the request on the respondent within 5 working days of acceptance: {PatentDisputeMeasures} — UNVERIFIED; pattern confirmed in 上海市专利保护条例 arts 19–20"),
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.DefencePeriod,
            new Period(15, PeriodUnit.Days), DeadlineCalendarOwner.HandlingCentre, null,
            DeadlineExpiry.TakeAction, "closeDefencePeriod", null, null,
            $"Respondent's defence (答辩) within 15 days of receipt; the case proceeds when it ends: {PatentDisputeMeasures} — UNVERIFIED"),
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.HandlingDecision,
            new Period(3, PeriodUnit.Months), DeadlineCalendarOwner.HandlingCentre, new Period(10, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, 1, 2,
            "Conclude (结案) within 3 months of acceptance, one extension of up to 1 month approved by the head of department: 专利行政执法办法 (2015) — UNVERIFIED (sources conflict); suspension while an invalidation request is pending: 专利法实施细则 (2023) art. 98"),
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.CoInvestigationResponse,
            new Period(10, PeriodUnit.WorkingDays), DeadlineCalendarOwner.HandlingCentre, new Period(3, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, null, null,
            "Answer to a co-investigation request (协查): 泛珠三角区域深化知识产权合作协议 — period UNVERIFIED, a service default"),
        new(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.LawsuitWindow,
            new Period(15, PeriodUnit.Days), DeadlineCalendarOwner.HandlingCentre, null,
            DeadlineExpiry.Lapse, null, null, null,
            "Suing against a handling decision within 15 days of receiving it: 专利法 (2020) art. 65"),

        // Mediation → arbitration (调解 → 仲裁).
        new(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.RespondentConsent,
            new Period(15, PeriodUnit.Days), DeadlineCalendarOwner.HandlingCentre, null,
            DeadlineExpiry.TakeAction, "closeForNoConsent", null, null,
            "Respondent's statement within 15 days, else no mediation case: 专利行政执法办法 (2015) — UNVERIFIED"),
        new(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.JudicialConfirmation,
            new Period(30, PeriodUnit.Days), DeadlineCalendarOwner.HandlingCentre, new Period(5, PeriodUnit.Days),
            DeadlineExpiry.Lapse, null, null, null,
            "Joint application for judicial confirmation within 30 days of the agreement taking effect: 人民调解法 art. 33"),
        new(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.DomesticAward,
            new Period(4, PeriodUnit.Months), DeadlineCalendarOwner.HandlingCentre, new Period(10, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, 1, null,
            "Award within 4 months of the tribunal's formation (domestic), extension by the institution: CIETAC-style rules — article UNVERIFIED; extension length a default"),
        new(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.ForeignRelatedAward,
            new Period(6, PeriodUnit.Months), DeadlineCalendarOwner.HandlingCentre, new Period(10, PeriodUnit.WorkingDays),
            DeadlineExpiry.MarkOverdue, null, 1, null,
            "Award within 6 months of the tribunal's formation (foreign-related; Hong Kong and Macao count as foreign-related): CIETAC-style rules — article UNVERIFIED"),
    ];
}
