using Cases.Workflows.Pipelines;
using Cases.Workflows.Reports;

namespace Cases.Workflows.Tests.Reports;

/// <summary>Which clocks the reports' on-time rate counts: each clock is classified on purpose, none by default.</summary>
public sealed class StatutoryTimeLimitsTests
{
    [Fact]
    public void Every_clock_with_a_default_rule_is_classified()
    {
        var unclassified = DefaultDeadlineRules.All.Where(rule => StatutoryTimeLimits.KindOf(rule.WorkflowId, rule.Clock) is null).Select(rule => rule.Describe());

        Assert.Empty(unclassified);
    }

    [Fact]
    public void The_statutory_limits_are_the_centres_own_steps_under_law_or_the_arbitration_rules()
    {
        Assert.Equal(
            [
                (RightsDefenceWorkflow.Id, "AcceptanceDecision"), (RightsDefenceWorkflow.Id, "RespondentService"), (RightsDefenceWorkflow.Id, "HandlingDecision"),
                (MediationArbitrationWorkflow.Id, "DomesticAward"), (MediationArbitrationWorkflow.Id, "ForeignRelatedAward"),
            ],
            StatutoryTimeLimits.All);
        Assert.Empty(StatutoryTimeLimits.Of(FastTrackPreExaminationWorkflow.Id));
        Assert.Equal(TimeLimitKind.ServiceTarget, StatutoryTimeLimits.KindOf(FastTrackPreExaminationWorkflow.Id, "PreExamination"));
        Assert.Equal(TimeLimitKind.OthersTime, StatutoryTimeLimits.KindOf(RightsDefenceWorkflow.Id, "DefencePeriod"));
    }
}
