using Cases.Domain.Clocks;
using Cases.Domain.Access;
using Cases.Domain.Cases.Rules;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Tests;

public sealed class WorkflowDefinitionTests
{
    [Fact]
    public void A_valid_definition_builds_and_answers_where_a_case_can_go()
    {
        var definition = Valid().Build();

        Assert.Equal(("rights-defence", 1), (definition.Id, definition.Version));
        Assert.Equal("Received", definition.Initial.Name);
        Assert.Equal(["accept", "refuse"], definition.TransitionsFrom("Triage").Select(transition => transition.Action));
        Assert.True(definition.TryGetTransition("Triage", "accept", out var accept));
        Assert.Equal(("Accepted", "立案", "CaseAccepted"), (accept.To, accept.ChineseName, accept.EventType));
        Assert.Equal([Role.CaseHandler, Role.Supervisor], accept.Roles);
        Assert.Equal([new ClockOperation(ClockOperationKind.Stop, "AcceptanceDecision")], accept.Clocks);
        Assert.False(definition.TryGetTransition("Received", "accept", out _));
        Assert.True(definition.TryGetState("Triage", out var triage));
        Assert.Equal([new ClockOperation(ClockOperationKind.Start, "AcceptanceDecision")], triage.OnEnter);
    }

    [Fact]
    public void A_built_definition_does_not_change_when_its_builder_does()
    {
        var builder = Valid();
        var first = builder.Build();

        builder.Active("Extra", "额外").Transition("extra", "额外", step => step.From("Accepted").To("Extra").By(Role.CaseHandler).Records("ExtraAdded"));

        Assert.DoesNotContain(first.States, state => state.Name == "Extra");
        Assert.Throws<NotSupportedException>(() => ((IList<StateDefinition>)first.States).Add(first.Initial));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)first.Transitions[0].From)[0] = "Elsewhere");
    }

    [Fact]
    public async Task Guards_and_payload_are_kept_with_their_transition()
    {
        var definition = Valid()
            .Transition("withdraw", "撤回", step => step
                .From("Accepted")
                .To("Closed")
                .By(Role.CaseHandler)
                .Takes("reason", PayloadFieldKind.Text)
                .Takes("outcome", PayloadFieldKind.Choice, required: true, maximumLength: 40, "Withdrawn", "Settled")
                .When("a reason is given", (_, payload) => new ChangeMustGiveAReasonRule(payload.Text("reason")))
                .Records("CaseWithdrawn"))
            .Build();

        Assert.True(definition.TryGetTransition("Accepted", "withdraw", out var withdraw));
        Assert.Equal(["reason", "outcome"], withdraw.Payload.Select(field => field.Name));
        Assert.Equal(["Withdrawn", "Settled"], withdraw.Payload[1].AllowedValues);
        var guard = Assert.Single(withdraw.Guards);
        Assert.True((await guard.Rule(new GuardContext(null!, ActionPayload.Empty, default, null!), CancellationToken.None)).IsBroken());
        Assert.False((await guard.Rule(new GuardContext(null!, new ActionPayload(new Dictionary<string, string?> { ["reason"] = "settled" }), default, null!), CancellationToken.None)).IsBroken());
    }

    public static TheoryData<string, Func<WorkflowBuilder, WorkflowBuilder>, string> Mistakes => new()
    {
        { "unreachable state", builder => builder.Active("Orphan", "孤立").Transition("leaveOrphan", "离开", step => step.From("Orphan").To("Closed").By(Role.CaseHandler).Records("OrphanLeft")), "State 'Orphan' cannot be reached" },
        { "non-terminal dead end", builder => builder.Waiting("Stuck", "停滞").Transition("getStuck", "停滞", step => step.From("Accepted").To("Stuck").By(Role.CaseHandler).Records("CaseStuck")), "State 'Stuck' is not terminal but no transition leaves it" },
        { "duplicate action", builder => builder.Transition("accept", "立案", step => step.From("Triage").To("Closed").By(Role.CaseHandler).Records("CaseAccepted")), "Action 'accept' is defined 2 times from state 'Triage'" },
        { "undefined target", builder => builder.Transition("escalate", "上报", step => step.From("Accepted").To("Nowhere").By(Role.Supervisor).Records("CaseEscalated")), "leads to undefined state 'Nowhere'" },
        { "undefined source", builder => builder.Transition("reopen", "重开", step => step.From("Archived").To("Triage").By(Role.Supervisor).Records("CaseReopened")), "starts from undefined state 'Archived'" },
        { "no source", builder => builder.Transition("float", "漂浮", step => step.To("Triage").By(Role.Supervisor).Records("CaseFloated")), "starts from no state" },
        { "no role", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").Records("CaseDecided")), "Transition 'decide' names no role" },
        { "a second initial state", builder => builder.Initial("AlsoReceived", "也收件").Transition("leave", "离开", step => step.From("AlsoReceived").To("Closed").By(Role.CaseHandler).Records("CaseLeft")), "exactly one initial state; this one has 2" },
        { "leaving a terminal state", builder => builder.Transition("reopen", "重开", step => step.From("Closed").To("Triage").By(Role.Supervisor).Records("CaseReopened")), "leaves terminal state 'Closed'" },
        { "a clock stopped but never started", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Stops("Decision").Records("CaseDecided")), "no state or transition starts clock 'Decision'" },
        { "a clock resumed but never paused", builder => builder.Transition("resume", "恢复", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Resumes("AcceptanceDecision").Records("CaseResumed")), "resumes clock 'AcceptanceDecision', which nothing pauses" },
        { "a state defined twice", builder => builder.Active("Triage", "分流"), "State 'Triage' is defined 2 times" },
        { "an event that is not PascalCase words", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Records("case_decided")), "'case_decided' is not" },
        { "an event of one word", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Records("Decided")), "'Decided' is not" },
        { "a payload field taken twice", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Takes("reason", PayloadFieldKind.Text).Takes("reason", PayloadFieldKind.Text).Records("CaseDecided")), "takes the field 'reason' twice" },
        { "a choice without values", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Takes("outcome", PayloadFieldKind.Choice).Records("CaseDecided")), "choice field 'outcome' lists no allowed values" },
        { "a role that does not exist", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By((Role)42).Records("CaseDecided")), "names role 42, which does not exist" },
        { "no target", builder => builder.Transition("decide", "决定", step => step.From("Accepted").By(Role.CaseHandler).Records("CaseDecided")), "names no target state" },
        { "a state left only by in-place actions", builder => builder.Waiting("Parked", "搁置").Transition("park", "搁置", step => step.From("Accepted").To("Parked").By(Role.CaseHandler).Records("CaseParked")).Transition("note", "备注", step => step.From("Parked").StaysInPlace().By(Role.CaseHandler).Records("NoteAdded")), "State 'Parked' is not terminal but no transition leaves it" },
        { "a kept field it does not take", builder => builder.Transition("decide", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Keeps("outcome").Records("CaseDecided")), "keeps the field 'outcome', which it does not take" },
        { "a referral without a centre", builder => builder.Transition("refer", "移送", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Refers().Records("CaseReferred")), "refers the case but takes no centre field 'centre'" },
        { "a message to a centre field it does not take", builder => builder.Transition("notify", "通报", step => step.From("Accepted").StaysInPlace().By(Role.CaseHandler).Sends("NoticeSent", MessageRecipient.CentreIn("recipient")).Records("NoticeSent")), "not a centre field it takes" },
        { "an extension of a clock never started", builder => builder.Transition("extend", "延长", step => step.From("Accepted").StaysInPlace().By(Role.Supervisor).Extends("Decision").Records("DecisionExtended")), "no state or transition starts clock 'Decision'" },
        { "an action not in camelCase", builder => builder.Transition("Decide-Now", "决定", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Records("CaseDecided")), "must be named in camelCase" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_kind_of_mistake_is_refused_naming_the_check_it_breaks(string mistake, Func<WorkflowBuilder, WorkflowBuilder> introduce, string expected)
    {
        var refusal = Assert.Throws<InvalidWorkflowDefinitionException>(() => introduce(Valid()).Build());

        Assert.True(refusal.Problems.Any(problem => problem.Contains(expected, StringComparison.Ordinal)), $"{mistake}: {string.Join(" | ", refusal.Problems)}");
        Assert.Contains("rights-defence v1", refusal.Message);
    }

    [Fact]
    public void A_definition_without_a_terminal_state_or_with_a_bad_id_reports_every_problem_at_once()
    {
        var refusal = Assert.Throws<InvalidWorkflowDefinitionException>(() => new WorkflowBuilder("Rights Defence", 0, "Rights defence", "维权")
            .Initial("Received", "收件")
            .Build());

        Assert.Equal(3, refusal.Problems.Count);
        Assert.Contains(refusal.Problems, problem => problem.Contains("lower-case words joined by '-'"));
        Assert.Contains(refusal.Problems, problem => problem.Contains("version must be 1 or more"));
        Assert.Contains(refusal.Problems, problem => problem.Contains("at least one terminal state"));
    }

    [Theory]
    [InlineData("CaseFiled")]
    [InlineData("RespondentServed")]
    [InlineData("CaseWithdrawn")]
    [InlineData("AwardMade")]
    [InlineData("AgreementSent")]
    [InlineData("OrphanLeft")]
    public void Timeline_events_named_noun_past_verb_are_accepted(string eventType)
    {
        var definition = Valid().Transition("extra", "额外", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Records(eventType)).Build();

        Assert.True(definition.TryGetTransition("Accepted", "extra", out _));
    }

    /// <summary>A small valid rights-defence shape that each test bends in one way.</summary>
    private static WorkflowBuilder Valid() =>
        new WorkflowBuilder("rights-defence", 1, "Rights defence", "维权")
            .Initial("Received", "收件")
            .Active("Triage", "分流", state => state.Starts("AcceptanceDecision"))
            .Active("Accepted", "已立案")
            .Terminal("Refused", "不予受理")
            .Terminal("Closed", "结案")
            .Transition("triage", "分流", step => step.From("Received").To("Triage").By(Role.IntakeOfficer).Records("CaseTriaged"))
            .Transition("accept", "立案", step => step.From("Triage").To("Accepted").By(Role.CaseHandler, Role.Supervisor).Stops("AcceptanceDecision").Records("CaseAccepted"))
            .Transition("refuse", "不予受理", step => step.From("Triage").To("Refused").By(Role.CaseHandler).Takes("reasons", PayloadFieldKind.Text).Stops("AcceptanceDecision").Records("CaseRefused"))
            .Transition("close", "结案", step => step.From("Accepted").To("Closed").By(Role.CaseHandler).Records("CaseClosed"));
}
