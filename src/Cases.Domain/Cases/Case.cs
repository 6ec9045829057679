using Cases.Domain.Cases.Rules;
using Cases.Domain.Centres;
using Cases.Domain.Clocks;
using Cases.Domain.Common;
using Cases.Domain.Enterprises;
using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;

namespace Cases.Domain.Cases;

/// <summary>
/// A case (案件) handled by a protection centre: who is involved, which rights are concerned,
/// where it stands, and the append-only timeline of every change. Every change goes through a
/// named method that checks its rules, bumps <see cref="Version"/> and records one timeline entry.
/// </summary>
public sealed class Case
{
    private readonly List<Party> parties = [];
    private readonly List<IntellectualPropertyRight> rights = [];
    private readonly List<CaseEvent> recordedEvents = [];
    private readonly List<CaseClock> clocks = [];
    private readonly List<CaseClockOperation> recordedClockOperations = [];
    private Dictionary<string, string> facts = [];

    // For the persistence layer's materialisation.
    private Case()
    {
        Number = null!;
        Title = string.Empty;
        Summary = string.Empty;
        FiledBy = string.Empty;
        WorkflowId = string.Empty;
    }

    public CaseId Id { get; private set; }

    public CaseNumber Number { get; private set; }

    public CentreCode Centre { get; private set; }

    public CaseKind Kind { get; private set; }

    public CaseState State { get; private set; }

    /// <summary>The workflow definition the case runs on (流程).</summary>
    public string WorkflowId { get; private set; }

    /// <summary>The definition's version the case is pinned to.</summary>
    public int WorkflowVersion { get; private set; }

    public WorkflowPin Workflow => new(WorkflowId, WorkflowVersion);

    /// <summary>The centre handling the case now (承办中心): where it was filed, unless a referral moved it.</summary>
    public CentreCode HandlingCentre { get; private set; }

    /// <summary>The centre the case is offered to in a pending cross-region referral (跨地区案件移送), if any.</summary>
    public CentreCode? ReferredTo { get; private set; }

    /// <summary>Values the workflow's steps kept on the case, e.g. the grant date or the outcome.</summary>
    public IReadOnlyDictionary<string, string> Facts => facts;

    /// <summary>The case's named clocks (期限) as its steps left them.</summary>
    public IReadOnlyList<CaseClock> Clocks => clocks;

    /// <summary>The case's clock of that name, or null if no step has started it.</summary>
    public CaseClock? ClockNamed(string name) => clocks.FirstOrDefault(clock => clock.Name == name);

    /// <summary>Clock operations performed since the case was loaded, to be stored with it.</summary>
    public IReadOnlyList<CaseClockOperation> RecordedClockOperations => recordedClockOperations;

    public string Title { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Handled ahead of others in the triage queue (优先).</summary>
    public bool Priority { get; private set; }

    /// <summary>The filer's own reference for the case (e.g. a key enterprise's docket number), unique per centre.</summary>
    public string? ExternalReference { get; private set; }

    /// <summary>
    /// The key enterprise (重点企业) the case belongs to when it filed it through the direct channel
    /// (直通车); set at filing, never changed. The enterprise's users see the case, in a reduced view.
    /// </summary>
    public EnterpriseId? Enterprise { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string FiledBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts the recorded changes; the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Party> Parties => parties;

    public IReadOnlyList<IntellectualPropertyRight> Rights => rights;

    /// <summary>Timeline entries recorded since the case was loaded, to be stored with it.</summary>
    public IReadOnlyList<CaseEvent> RecordedEvents => recordedEvents;

    /// <summary>Receives a case (收件) under a freshly allocated number.</summary>
    /// <param name="workflow">The definition version the case starts on, pinned for its life.</param>
    /// <param name="initialState">The definition's initial state.</param>
    /// <param name="initialClocks">The clocks entering the initial state starts.</param>
    public static Case File(CaseId id, CaseNumber number, CaseFiling filing, WorkflowPin workflow, CaseState initialState, IReadOnlyList<ClockOperation> initialClocks, Actor actor, DateTimeOffset now)
    {
        var rules = new List<IBusinessRule>
        {
            new CaseMustBeFiledByThePartyItsKindExpectsRule(filing.Kind, filing.Parties),
            new DisputeMustNameARespondentRule(filing.Kind, filing.Parties),
            new PreExaminationMustNotNameARespondentRule(filing.Kind, filing.Parties),
            new CaseMustConcernAtLeastOneRightRule(filing.Rights),
            new PreExaminationMustConcernOnePatentRule(filing.Kind, filing.Rights),
        };
        rules.AddRange(filing.Rights.Select(right => new RightNumberMustBeValidForItsKindRule(right.Kind, right.Number)));
        if (filing.DirectChannel is { } directChannel)
        {
            rules.Add(new DirectChannelCaseMustBeFiledWithTheEnterprisesCentreRule(number.Centre, directChannel.EnterpriseCentre));
        }

        BusinessRules.Check([.. rules]);

        // A key enterprise's case is a priority case (重点企业案件优先处理), so its deadlines run to the shorter internal targets.
        var priority = filing.Priority || filing.DirectChannel is not null;

        var @case = new Case
        {
            Id = id,
            Number = number,
            Centre = number.Centre,
            Kind = filing.Kind,
            State = initialState,
            WorkflowId = workflow.Id,
            WorkflowVersion = workflow.Version,
            HandlingCentre = number.Centre,
            Title = filing.Title.Trim(),
            Summary = filing.Summary?.Trim() ?? string.Empty,
            Priority = priority,
            Enterprise = filing.DirectChannel?.Enterprise,
            ExternalReference = string.IsNullOrWhiteSpace(filing.ExternalReference) ? null : filing.ExternalReference.Trim(),
            FiledAt = now,
            FiledBy = actor.Name,
        };
        @case.parties.AddRange(filing.Parties.Select((party, index) => Party.Create(index + 1, party.Role, party.Kind, party.Name, party.Contact)));
        @case.rights.AddRange(filing.Rights.Select((right, index) => IntellectualPropertyRight.Create(index + 1, right.Kind, right.Number, right.Title)));
        var filed = new Dictionary<string, string?>
        {
            ["number"] = number.ToString(),
            ["kind"] = filing.Kind.ToString(),
            ["priority"] = priority ? "true" : "false",
            ["workflow"] = workflow.ToString(),
            ["to"] = initialState.Name,
        };
        if (filing.DirectChannel is { } filer)
        {
            filed["enterprise"] = filer.Enterprise.ToString();
        }

        @case.Record(CaseEventTypes.CaseFiled, actor, now, reason: null, filed);
        @case.ApplyClocks(initialClocks, now);
        return @case;
    }

    /// <summary>
    /// Takes one step of the case's workflow: checks the case is in a state the step may be taken
    /// from (never silently doing nothing), applies any referral change, moves the case, keeps the
    /// named payload values, records the timeline entry and performs the clock operations.
    /// </summary>
    /// <exception cref="CaseActionNotAllowedException">The case is not in a state the step may be taken from.</exception>
    public void TakeStep(CaseStep step, Actor actor, DateTimeOffset now)
    {
        if (!step.AllowedFrom.Contains(State))
        {
            throw new CaseActionNotAllowedException(Id, step.Action, State, step.AllowedFrom);
        }

        var data = new Dictionary<string, string?>
        {
            ["action"] = step.Action,
            ["from"] = State.Name,
            ["to"] = (step.To ?? State).Name,
        };
        switch (step.Referral)
        {
            case ReferralEffect.Refer:
                BusinessRules.Check(new ReferralMustGoToAnotherCentreRule(HandlingCentre, step.ReferralCentre), new CaseMustNotBeAwaitingAnotherReferralRule(ReferredTo));
                ReferredTo = step.ReferralCentre;
                data["referredTo"] = ReferredTo!.Value.Value;
                break;
            case ReferralEffect.TakeOver:
                BusinessRules.Check(new CaseMustBeAwaitingAReferralRule(ReferredTo));
                data["referredFrom"] = HandlingCentre.Value;
                HandlingCentre = ReferredTo!.Value;
                ReferredTo = null;
                data["handlingCentre"] = HandlingCentre.Value;
                break;
            case ReferralEffect.Return:
                BusinessRules.Check(new CaseMustBeAwaitingAReferralRule(ReferredTo));
                data["referralEndedAt"] = ReferredTo!.Value.Value;
                ReferredTo = null;
                break;
        }

        foreach (var (field, value) in step.Payload)
        {
            data.TryAdd(field, value);
        }

        State = step.To ?? State;
        if (step.Keeps.Count > 0)
        {
            // A new dictionary, so the persistence layer sees the change.
            var kept = new Dictionary<string, string>(facts);
            foreach (var field in step.Keeps)
            {
                if (step.Payload.GetValueOrDefault(field) is { } value)
                {
                    kept[field] = value;
                }
            }

            facts = kept;
        }

        Record(step.EventType, actor, now, string.IsNullOrWhiteSpace(step.Reason) ? null : step.Reason.Trim(), data);
        ApplyClocks(step.Clocks, now);
    }

    /// <summary>
    /// Moves a running case to another version of its workflow (流程版本迁移), in the state the
    /// administrator mapped its current state to; only an explicit administrative command does this.
    /// </summary>
    /// <param name="clocksToStop">Running clocks the new version does not know; left running, nothing would ever stop them.</param>
    public void MigrateWorkflow(WorkflowPin target, CaseState state, IReadOnlyCollection<string> clocksToStop, string reason, Actor actor, DateTimeOffset now)
    {
        BusinessRules.Check(new ChangeMustGiveAReasonRule(reason));
        var data = new Dictionary<string, string?>
        {
            ["fromWorkflow"] = Workflow.ToString(),
            ["toWorkflow"] = target.ToString(),
            ["from"] = State.Name,
            ["to"] = state.Name,
        };
        WorkflowId = target.Id;
        WorkflowVersion = target.Version;
        State = state;
        Record(CaseEventTypes.CaseWorkflowMigrated, actor, now, reason.Trim(), data);
        ApplyClocks([.. clocksToStop.Select(clock => new ClockOperation(ClockOperationKind.Stop, clock))], now);
    }

    /// <summary>Triage marks the case as a priority or takes the mark away, saying why.</summary>
    public void ChangePriority(bool priority, string reason, Actor actor, DateTimeOffset now)
    {
        BusinessRules.Check(
            new PriorityChangeMustChangeThePriorityRule(Priority, priority),
            new ChangeMustGiveAReasonRule(reason));
        Priority = priority;
        Record(CaseEventTypes.CasePriorityChanged, actor, now, reason.Trim(), new Dictionary<string, string?>
        {
            ["priority"] = priority ? "true" : "false",
        });
    }

    /// <summary>
    /// Staff add an internal note (内部备注) to the case: for the centre's eyes only, never shown to
    /// the enterprise the case belongs to. Recorded on the timeline like every change.
    /// </summary>
    public void AddInternalNote(string text, Actor actor, DateTimeOffset now)
    {
        BusinessRules.Check(new InternalNoteMustNotBeEmptyRule(text));
        Record(CaseEventTypes.InternalNoteAdded, actor, now, reason: null, new Dictionary<string, string?>
        {
            ["text"] = text.Trim(),
        });
    }

    /// <summary>Called once the recorded entries are stored.</summary>
    public void ForgetRecordedEvents()
    {
        recordedEvents.Clear();
        recordedClockOperations.Clear();
    }

    /// <summary>Refuses a change made against a version of the case that is no longer current.</summary>
    public void EnsureVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new CaseVersionConflictException(Id, expected, Version);
        }
    }

    private void Record(string type, Actor actor, DateTimeOffset now, string? reason, IReadOnlyDictionary<string, string?> data)
    {
        Version++;
        UpdatedAt = now;
        recordedEvents.Add(new CaseEvent(Id, Version, type, now, actor, reason, data));
    }

    /// <summary>Performs clock operations under the timeline entry just recorded; only those that change a clock are recorded.</summary>
    private void ApplyClocks(IReadOnlyList<ClockOperation> operations, DateTimeOffset now)
    {
        foreach (var operation in operations)
        {
            var clock = ClockNamed(operation.Clock);
            if (clock is null)
            {
                if (operation.Kind != ClockOperationKind.Start)
                {
                    continue;
                }

                clocks.Add(clock = new CaseClock(operation.Clock, now));
            }
            else if (!clock.Apply(operation.Kind, now))
            {
                continue;
            }

            recordedClockOperations.Add(new CaseClockOperation(Id, Version, recordedClockOperations.Count(recorded => recorded.Sequence == Version) + 1, operation.Clock, operation.Kind, now));
        }
    }
}
