using Cases.Domain.Cases;
using Cases.Domain.Cases.Rules;
using Cases.Domain.Centres;
using Cases.Domain.Clocks;
using Cases.Domain.Common;

namespace Cases.Domain.Tests;

public sealed class CaseStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Actor Handler = new("handler");
    private static readonly CaseState Filed = CaseState.Filed;
    private static readonly CaseState Investigation = new("Investigation");
    private static readonly CaseState Suspended = new("Suspended");

    [Fact]
    public void A_step_from_a_state_it_is_not_allowed_from_is_refused_never_ignored()
    {
        var @case = Open();

        var refusal = Assert.Throws<CaseActionNotAllowedException>(() => @case.TakeStep(Step("resumeCase", [Suspended], Investigation), Handler, Now));

        Assert.Contains("'resumeCase' cannot be taken while case", refusal.Message);
        Assert.Equal((Filed, 1), (@case.State, @case.Version));
        Assert.Single(@case.RecordedEvents);
    }

    [Fact]
    public void A_step_moves_the_case_records_its_payload_keeps_named_values_and_applies_clocks()
    {
        var @case = Open();
        @case.ForgetRecordedEvents();

        @case.TakeStep(
            Step("acceptCase", [Filed], Investigation, payload: new Dictionary<string, string?> { ["infringementRegion"] = "GD", ["note"] = "x" }, keeps: ["infringementRegion"],
                clocks: [new(ClockOperationKind.Stop, "AcceptanceDecision"), new(ClockOperationKind.Start, "HandlingDecision")]),
            Handler,
            Now.AddDays(1));

        Assert.Equal((Investigation, 2), (@case.State, @case.Version));
        var recorded = Assert.Single(@case.RecordedEvents);
        Assert.Equal(("acceptCase", "Filed", "Investigation", "GD"), (recorded.Data["action"], recorded.Data["from"], recorded.Data["to"], recorded.Data["infringementRegion"]));
        Assert.Equal(new Dictionary<string, string> { ["infringementRegion"] = "GD" }, @case.Facts);
        Assert.Equal([(2, 1, "AcceptanceDecision", ClockOperationKind.Stop), (2, 2, "HandlingDecision", ClockOperationKind.Start)],
            @case.RecordedClockOperations.Select(operation => (operation.Sequence, operation.Ordinal, operation.Clock, operation.Operation)));
    }

    [Fact]
    public void A_paused_span_is_added_up_and_operations_that_do_not_apply_are_not_recorded()
    {
        var clock = new CaseClock("HandlingDecision", Now);

        Assert.True(clock.Apply(ClockOperationKind.Pause, Now.AddDays(10)));
        Assert.False(clock.Apply(ClockOperationKind.Pause, Now.AddDays(11)));
        Assert.True(clock.Apply(ClockOperationKind.Resume, Now.AddDays(40)));
        Assert.False(clock.Apply(ClockOperationKind.Resume, Now.AddDays(41)));
        Assert.True(clock.Apply(ClockOperationKind.Extend, Now.AddDays(42)));
        Assert.False(clock.Apply(ClockOperationKind.Extend, Now.AddDays(43)));
        Assert.True(clock.Apply(ClockOperationKind.Pause, Now.AddDays(50)));
        Assert.True(clock.Apply(ClockOperationKind.Stop, Now.AddDays(52)));
        Assert.False(clock.Apply(ClockOperationKind.Stop, Now.AddDays(53)));

        Assert.Equal((ClockStatus.Stopped, TimeSpan.FromDays(32), true, Now.AddDays(52)), (clock.Status, clock.PausedFor, clock.Extended, clock.StoppedAt));
        Assert.Null(clock.PausedAt);
    }

    [Fact]
    public void A_referral_offers_the_case_and_only_the_receiving_centre_taking_it_over_moves_it()
    {
        var @case = Open();

        var toItself = Assert.Throws<BusinessRuleValidationException>(() =>
            @case.TakeStep(Step("referCase", [Filed], Filed, referral: ReferralEffect.Refer, centre: new CentreCode("GD")), Handler, Now));
        Assert.IsType<ReferralMustGoToAnotherCentreRule>(Assert.Single(toItself.BrokenRules));
        Assert.Throws<BusinessRuleValidationException>(() => @case.TakeStep(Step("acceptReferral", [Filed], Filed, referral: ReferralEffect.TakeOver), Handler, Now));

        @case.TakeStep(Step("referCase", [Filed], Filed, referral: ReferralEffect.Refer, centre: new CentreCode("HK")), Handler, Now);
        Assert.Equal((new CentreCode("GD"), (CentreCode?)new CentreCode("HK")), (@case.HandlingCentre, @case.ReferredTo));
        Assert.Throws<BusinessRuleValidationException>(() =>
            @case.TakeStep(Step("referCase", [Filed], Filed, referral: ReferralEffect.Refer, centre: new CentreCode("MO")), Handler, Now));

        @case.TakeStep(Step("acceptReferral", [Filed], Filed, referral: ReferralEffect.TakeOver), Handler, Now);
        Assert.Equal((new CentreCode("HK"), (CentreCode?)null, new CentreCode("GD")), (@case.HandlingCentre, @case.ReferredTo, @case.Centre));
    }

    [Fact]
    public void A_version_migration_repins_the_case_and_needs_a_reason()
    {
        var @case = Open();

        Assert.Throws<BusinessRuleValidationException>(() => @case.MigrateWorkflow(new WorkflowPin("rights-defence", 2), new CaseState("Received"), [], " ", Handler, Now));
        @case.MigrateWorkflow(new WorkflowPin("rights-defence", 2), new CaseState("Received"), ["AcceptanceDecision"], "Procedure revised", Handler, Now);

        Assert.Equal((new WorkflowPin("rights-defence", 2), new CaseState("Received"), 2), (@case.Workflow, @case.State, @case.Version));
        Assert.Equal(CaseEventTypes.CaseWorkflowMigrated, @case.RecordedEvents[^1].Type);
        Assert.Equal("rights-defence v1", @case.RecordedEvents[^1].Data["fromWorkflow"]);
        Assert.Equal(ClockStatus.Stopped, Assert.Single(@case.Clocks).Status);
        Assert.Equal((2, ClockOperationKind.Stop), (@case.RecordedClockOperations[^1].Sequence, @case.RecordedClockOperations[^1].Operation));
    }

    private static Case Open() => Case.File(
        CaseId.New(Now),
        new CaseNumber(new CentreCode("GD"), 2026, 1),
        CaseTests.Filing(CaseKind.RightsDefence, Cases.PartyRole.Complainant, Cases.PartyRole.Respondent),
        new WorkflowPin("rights-defence", 1),
        Filed,
        [new ClockOperation(ClockOperationKind.Start, "AcceptanceDecision")],
        Handler,
        Now);

    private static CaseStep Step(
        string action,
        CaseState[] from,
        CaseState to,
        Dictionary<string, string?>? payload = null,
        string[]? keeps = null,
        ClockOperation[]? clocks = null,
        ReferralEffect referral = ReferralEffect.None,
        CentreCode? centre = null) =>
        new(action, from, to, "StepTaken", payload ?? [], null, keeps ?? [], clocks ?? [], referral, centre);
}
