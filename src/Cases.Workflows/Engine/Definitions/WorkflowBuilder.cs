using Cases.Domain.Clocks;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Common;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// Builds a <see cref="WorkflowDefinition"/> so that it reads like the procedure:
/// <code>
/// new WorkflowBuilder("rights-defence", 1, "Rights defence", "维权")
///     .Initial("Received", "收件")
///     .Active("Triage", "分流")
///     .Transition("accept", "立案", step => step.From("Triage").To("Accepted").By(Role.CaseHandler).Records("CaseAccepted").Starts("ServeRespondent"))
///     …
///     .Build();
/// </code>
/// <see cref="Build"/> runs every check in <see cref="WorkflowDefinitionChecks"/> and refuses an invalid definition.
/// </summary>
public sealed class WorkflowBuilder(string id, int version, string name, string chineseName)
{
    private readonly List<StateDefinition> states = [];
    private readonly List<TransitionDefinition> transitions = [];
    private readonly List<CaseKind> kinds = [];

    /// <summary>The kinds of case whose filing starts this workflow (its latest version).</summary>
    public WorkflowBuilder Serves(params CaseKind[] caseKinds)
    {
        kinds.AddRange(caseKinds);
        return this;
    }

    public WorkflowBuilder Initial(string state, string chineseName, Action<StateBuilder>? configure = null) => State(state, chineseName, StateKind.Initial, configure);

    public WorkflowBuilder Active(string state, string chineseName, Action<StateBuilder>? configure = null) => State(state, chineseName, StateKind.Active, configure);

    public WorkflowBuilder Waiting(string state, string chineseName, Action<StateBuilder>? configure = null) => State(state, chineseName, StateKind.Waiting, configure);

    public WorkflowBuilder Terminal(string state, string chineseName, Action<StateBuilder>? configure = null) => State(state, chineseName, StateKind.Terminal, configure);

    public WorkflowBuilder Transition(string action, string chineseName, Action<TransitionBuilder> configure)
    {
        var builder = new TransitionBuilder(action, chineseName);
        configure(builder);
        transitions.Add(builder.Build());
        return this;
    }

    /// <summary>The checked, immutable definition.</summary>
    /// <exception cref="InvalidWorkflowDefinitionException">The definition breaks a check; every broken one is listed.</exception>
    public WorkflowDefinition Build()
    {
        var definition = new WorkflowDefinition(id, version, name, chineseName, Frozen(kinds.Distinct()), Frozen(states), Frozen(transitions));
        var problems = WorkflowDefinitionChecks.ProblemsOf(definition);
        return problems.Count == 0 ? definition : throw new InvalidWorkflowDefinitionException(definition.ToString(), problems);
    }

    /// <summary>A read-only copy: later changes to the builder never reach a built definition.</summary>
    private static IReadOnlyList<T> Frozen<T>(IEnumerable<T> items) => Array.AsReadOnly(items.ToArray());

    private WorkflowBuilder State(string state, string stateChineseName, StateKind kind, Action<StateBuilder>? configure)
    {
        var builder = new StateBuilder();
        configure?.Invoke(builder);
        states.Add(new StateDefinition(state, stateChineseName, kind, Frozen(builder.Clocks)));
        return this;
    }

    /// <summary>What entering a state does to clocks.</summary>
    public sealed class StateBuilder
    {
        internal List<ClockOperation> Clocks { get; } = [];

        public StateBuilder Starts(string clock) => Add(ClockOperationKind.Start, clock);

        public StateBuilder Stops(string clock) => Add(ClockOperationKind.Stop, clock);

        public StateBuilder Pauses(string clock) => Add(ClockOperationKind.Pause, clock);

        public StateBuilder Resumes(string clock) => Add(ClockOperationKind.Resume, clock);

        private StateBuilder Add(ClockOperationKind kind, string clock)
        {
            Clocks.Add(new ClockOperation(kind, clock));
            return this;
        }
    }

    /// <summary>One transition: from where, to where, by whom, under which guards, taking what, recording what.</summary>
    public sealed class TransitionBuilder(string action, string chineseName)
    {
        private readonly List<string> from = [];
        private readonly List<Role> roles = [];
        private readonly List<GuardDefinition> guards = [];
        private readonly List<PayloadField> payload = [];
        private readonly List<ClockOperation> clocks = [];
        private readonly List<string> keeps = [];
        private readonly List<MessageDefinition> sends = [];
        private string? to = string.Empty;
        private string eventType = string.Empty;
        private ReferralEffect referral = ReferralEffect.None;

        public TransitionBuilder From(params string[] states)
        {
            from.AddRange(states);
            return this;
        }

        public TransitionBuilder To(string state)
        {
            to = state;
            return this;
        }

        /// <summary>The case stays where it is, e.g. for an information notice sent from an open case.</summary>
        public TransitionBuilder StaysInPlace()
        {
            to = null;
            return this;
        }

        public TransitionBuilder By(params Role[] allowed)
        {
            roles.AddRange(allowed);
            return this;
        }

        /// <summary>A guard: the rule must hold for the transition to be taken.</summary>
        public TransitionBuilder When(string guard, Func<Case, ActionPayload, IBusinessRule> rule)
        {
            guards.Add(new GuardDefinition(guard, (context, _) => ValueTask.FromResult(rule(context.Case, context.Payload))));
            return this;
        }

        /// <summary>A guard that needs the time or recorded facts (see <see cref="IWorkflowFacts"/>).</summary>
        public TransitionBuilder When(string guard, Func<GuardContext, CancellationToken, ValueTask<IBusinessRule>> rule)
        {
            guards.Add(new GuardDefinition(guard, rule));
            return this;
        }

        /// <summary>Payload fields whose values are kept on the case (e.g. the grant date), not only in the timeline.</summary>
        public TransitionBuilder Keeps(params string[] fields)
        {
            keeps.AddRange(fields);
            return this;
        }

        /// <summary>Offers the case to the centre in the payload's <c>centre</c> field (跨地区案件移送).</summary>
        public TransitionBuilder Refers() => Referral(ReferralEffect.Refer);

        /// <summary>The centre the case was referred to takes it over (接收移送).</summary>
        public TransitionBuilder TakesOverReferral() => Referral(ReferralEffect.TakeOver);

        /// <summary>The referral ends and the sending centre keeps the case.</summary>
        public TransitionBuilder EndsReferral() => Referral(ReferralEffect.Return);

        /// <summary>Leaves a message in the outbox, in the same transaction.</summary>
        public TransitionBuilder Sends(string messageType, MessageRecipient recipient)
        {
            sends.Add(new MessageDefinition(messageType, recipient));
            return this;
        }

        public TransitionBuilder Takes(string field, PayloadFieldKind kind, bool required = true, int maximumLength = PayloadField.DefaultMaximumLength, params string[] allowedValues)
        {
            payload.Add(new PayloadField(field, kind, required, maximumLength, allowedValues.Length == 0 ? null : Frozen(allowedValues)));
            return this;
        }

        /// <summary>The timeline event the transition records, named <c>{Noun}{PastVerb}</c>.</summary>
        public TransitionBuilder Records(string timelineEvent)
        {
            eventType = timelineEvent;
            return this;
        }

        public TransitionBuilder Starts(string clock) => Clock(ClockOperationKind.Start, clock);

        public TransitionBuilder Stops(string clock) => Clock(ClockOperationKind.Stop, clock);

        public TransitionBuilder Pauses(string clock) => Clock(ClockOperationKind.Pause, clock);

        public TransitionBuilder Resumes(string clock) => Clock(ClockOperationKind.Resume, clock);

        public TransitionBuilder Extends(string clock) => Clock(ClockOperationKind.Extend, clock);

        internal TransitionDefinition Build() =>
            new(action, chineseName, Frozen(from), to, Frozen(roles.Distinct()), Frozen(guards), Frozen(payload), eventType, Frozen(clocks), Frozen(keeps), referral, Frozen(sends));

        private TransitionBuilder Referral(ReferralEffect effect)
        {
            referral = effect;
            return this;
        }

        private TransitionBuilder Clock(ClockOperationKind kind, string clock)
        {
            clocks.Add(new ClockOperation(kind, clock));
            return this;
        }
    }
}
