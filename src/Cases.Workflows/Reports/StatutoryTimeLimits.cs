using Cases.Workflows.Pipelines;

namespace Cases.Workflows.Reports;

/// <summary>What a pipeline clock's time limit is, for the reports (期限性质).</summary>
public enum TimeLimitKind
{
    /// <summary>
    /// A limit the law, or the binding procedural rules the centre works under, sets on a step the
    /// centre itself must take (法定期限): accept or refuse, serve, decide, make the award. Missing it
    /// is the centre's failure; the reports' on-time rate counts these.
    /// </summary>
    Statutory = 1,

    /// <summary>
    /// A period the centre (or the 9+2 cooperation) sets itself as a service standard (服务时限), e.g.
    /// the published pre-examination period: worth watching, but not a legal limit.
    /// </summary>
    ServiceTarget = 2,

    /// <summary>
    /// Time given to someone else: a party (defence, consent, corrections, the time to sue, to apply
    /// for judicial confirmation) or an outside body (CNIPA's examination). Its expiry is not the
    /// centre's lateness.
    /// </summary>
    OthersTime = 3,
}

/// <summary>
/// Which clock of which pipeline is a statutory limit, a service target or someone else's time, read
/// from the source each default rule in <see cref="DefaultDeadlineRules"/> carries. A test checks
/// every clock with a rule is classified here, so a new clock cannot slip into (or out of) the
/// on-time rate unnoticed.
/// </summary>
public static class StatutoryTimeLimits
{
    private static readonly Dictionary<(string WorkflowId, string Clock), TimeLimitKind> Kinds = new()
    {
        // 专利行政执法办法 / 专利纠纷行政裁决和调解办法: acceptance, service and the handling decision.
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.AcceptanceDecision)] = TimeLimitKind.Statutory,
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.RespondentService)] = TimeLimitKind.Statutory,
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.HandlingDecision)] = TimeLimitKind.Statutory,
        // The cooperation agreement's referral and co-investigation periods are service defaults (period UNVERIFIED).
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.ReferralResponse)] = TimeLimitKind.ServiceTarget,
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.CoInvestigationResponse)] = TimeLimitKind.ServiceTarget,
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.DefencePeriod)] = TimeLimitKind.OthersTime,
        [(RightsDefenceWorkflow.Id, RightsDefenceWorkflow.Clocks.LawsuitWindow)] = TimeLimitKind.OthersTime,

        // The award period binds the tribunal under the arbitration rules; consent and judicial confirmation are the parties' time.
        [(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.DomesticAward)] = TimeLimitKind.Statutory,
        [(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.ForeignRelatedAward)] = TimeLimitKind.Statutory,
        [(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.RespondentConsent)] = TimeLimitKind.OthersTime,
        [(MediationArbitrationWorkflow.Id, MediationArbitrationWorkflow.Clocks.JudicialConfirmation)] = TimeLimitKind.OthersTime,

        // Centres publish their own pre-examination period; corrections are the applicant's time, the grant CNIPA's.
        [(FastTrackPreExaminationWorkflow.Id, FastTrackPreExaminationWorkflow.Clocks.PreExamination)] = TimeLimitKind.ServiceTarget,
        [(FastTrackPreExaminationWorkflow.Id, FastTrackPreExaminationWorkflow.Clocks.CorrectionsResponse)] = TimeLimitKind.OthersTime,
        [(FastTrackPreExaminationWorkflow.Id, FastTrackPreExaminationWorkflow.Clocks.CnipaDecision)] = TimeLimitKind.OthersTime,
    };

    /// <summary>The kind of a clock's limit; null for a clock not classified.</summary>
    public static TimeLimitKind? KindOf(string workflowId, string clock) =>
        Kinds.TryGetValue((workflowId, clock), out var kind) ? kind : null;

    /// <summary>Every statutory clock, in the order of the default rules.</summary>
    public static IReadOnlyList<(string WorkflowId, string Clock)> All { get; } =
        [.. DefaultDeadlineRules.All
            .Where(rule => KindOf(rule.WorkflowId, rule.Clock) == TimeLimitKind.Statutory)
            .Select(rule => (rule.WorkflowId, rule.Clock))];

    /// <summary>The statutory clocks of one pipeline, in the order of its default rules.</summary>
    public static IReadOnlyList<string> Of(string workflowId) =>
        [.. All.Where(limit => limit.WorkflowId == workflowId).Select(limit => limit.Clock)];
}
