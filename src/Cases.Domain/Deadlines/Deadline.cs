using Cases.Domain.Calendars;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Regions;

namespace Cases.Domain.Deadlines;

/// <summary>
/// The due time of one case clock (期限), computed by the responsible centre's calendar under its
/// region's counting law, and the source of truth the timers act on. It follows the clock (start,
/// pause, resume, extend, stop), is recomputed when the calendar changes, and takes effect once:
/// a reminder or expiry carries the due time it was scheduled for and does nothing if the deadline
/// has been met, paused or moved since.
/// </summary>
public sealed class Deadline
{
    private readonly List<DeadlineChange> recordedChanges = [];

    private Deadline()
    {
        Clock = WorkflowId = Region = Source = string.Empty;
        Explanation = [];
    }

    public DeadlineId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public string WorkflowId { get; private set; }

    public string Clock { get; private set; }

    /// <summary>The centre whose calendar counts and whose queue shows the deadline.</summary>
    public CentreCode Centre { get; private set; }

    /// <summary>The centre handling the case, whose supervisors are told of an overdue deadline.</summary>
    public CentreCode HandlingCentre { get; private set; }

    /// <summary>The region code of <see cref="Centre"/>, whose calendar and counting law apply.</summary>
    public string Region { get; private set; }

    public PeriodUnit Unit { get; private set; }

    public int Amount { get; private set; }

    public int? ExtensionAmount { get; private set; }

    public int? TargetAmount { get; private set; }

    public PeriodUnit? ReminderUnit { get; private set; }

    public int? ReminderAmount { get; private set; }

    public DeadlineExpiry OnExpiry { get; private set; }

    public string? ExpiryAction { get; private set; }

    public string Source { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DeadlineStatus Status { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Units (in <see cref="Period.PauseUnit"/>) taken out of the count by finished pauses.</summary>
    public int PausedUnits { get; private set; }

    public bool Extended { get; private set; }

    /// <summary>The last day on which the step may be done, in the region's calendar.</summary>
    public DateOnly? LastDay { get; private set; }

    /// <summary>The instant the limit expires; null while awaiting the calendar.</summary>
    /// <remarks>Instants are kept in UTC, as PostgreSQL stores them; the region's local time is UTC+8.</remarks>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The internal target for a priority case; null for none.</summary>
    public DateTimeOffset? TargetAt { get; private set; }

    public DateTimeOffset? RemindAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>When it was met, expired or lapsed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>How the due time was reached: the rule and its source, pauses, the extension, each day skipped and why.</summary>
    public IReadOnlyList<ExplanationStep> Explanation { get; private set; }

    /// <summary>Optimistic concurrency: two nodes acting on one deadline at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DeadlineChange> RecordedChanges => recordedChanges;

    public bool IsOpen => Status is DeadlineStatus.Running or DeadlineStatus.Paused or DeadlineStatus.AwaitingCalendar or DeadlineStatus.Overdue;

    public Period Period => new(Amount, Unit);

    /// <summary>Starts counting a clock's deadline under its rule (the rule is copied).</summary>
    public static Deadline Start(
        DeadlineId id,
        CaseId caseId,
        DeadlineRule rule,
        bool priority,
        CentreCode centre,
        CentreCode handlingCentre,
        WorkingCalendar calendar,
        DeadlineCause cause)
    {
        var deadline = new Deadline
        {
            Id = id,
            CaseId = caseId,
            WorkflowId = rule.WorkflowId,
            Clock = rule.Clock,
        };
        deadline.Begin(rule, priority, centre, handlingCentre, calendar, cause);
        return deadline;
    }

    /// <summary>The clock started again (e.g. the case came back to triage): a fresh count under the current rule.</summary>
    public void Restart(DeadlineRule rule, bool priority, CentreCode centre, CentreCode handlingCentre, WorkingCalendar calendar, DeadlineCause cause) =>
        Begin(rule, priority, centre, handlingCentre, calendar, cause);

    /// <summary>The clock stopped: the step was done, in time or late. A closed deadline stays as it closed.</summary>
    public void Stop(DeadlineCause cause)
    {
        if (!IsOpen)
        {
            return;
        }

        var late = Status == DeadlineStatus.Overdue || (DueAt is { } due && cause.At >= due);
        var before = DueAt;
        Status = late ? DeadlineStatus.MetLate : DeadlineStatus.Met;
        PausedAt = null;
        ClosedAt = cause.At;
        Record(cause, late ? DeadlineChangeKind.MetLate : DeadlineChangeKind.Met, before, DueAt,
            late ? $"Done after the time limit expired ({Describe(DueAt)})." : $"Done within the time limit ({Describe(DueAt)}).");
    }

    /// <summary>The clock was suspended (中止). An overdue deadline stays overdue: its time had already run out.</summary>
    public void Pause(DeadlineCause cause)
    {
        if (Status is not (DeadlineStatus.Running or DeadlineStatus.AwaitingCalendar))
        {
            return;
        }

        Status = DeadlineStatus.Paused;
        PausedAt = cause.At;
        Record(cause, DeadlineChangeKind.Paused, DueAt, DueAt, $"Suspended on {Describe(cause.At)}; the time from now until resumption does not count.");
    }

    /// <summary>The clock resumed (恢复): the paused span is added back and the due time recomputed.</summary>
    public void Resume(WorkingCalendar calendar, DeadlineCause cause)
    {
        if (Status != DeadlineStatus.Paused || PausedAt is not { } pausedAt)
        {
            return;
        }

        var before = DueAt;
        var pauseUnit = Period.PauseUnit;
        int paused;
        try
        {
            paused = DeadlineArithmetic.PausedUnits(calendar, pauseUnit, pausedAt, cause.At);
        }
        catch (DateOutsideCalendarException exception)
        {
            PausedAt = null;
            Status = DeadlineStatus.Running;
            AwaitCalendar(Explanation, exception);
            Record(cause, DeadlineChangeKind.Resumed, before, null, $"Resumed, but the paused span cannot be counted yet: {exception.Message}");
            return;
        }

        PausedUnits += paused;
        PausedAt = null;
        Status = DeadlineStatus.Running;
        Compute(calendar, cause.At, new ExplanationStep(ExplanationStepKind.Paused, LocalDate(pausedAt),
            $"Suspended from {Describe(pausedAt)} to {Describe(cause.At)}: {paused} {DeadlineRule.UnitText(pauseUnit)} not counted."));
        Record(cause, DeadlineChangeKind.Resumed, before, DueAt,
            $"Resumed after {paused} {DeadlineRule.UnitText(pauseUnit)} suspended; due moves from {Describe(before)} to {Describe(DueAt)}.");
    }

    /// <summary>The one approved extension (延长) adds the rule's extension to the limit.</summary>
    /// <exception cref="InvalidOperationException">The rule allows no extension (the rule catalog refuses such a configuration at start-up).</exception>
    public void Extend(WorkingCalendar calendar, DeadlineCause cause)
    {
        if (!IsOpen || Extended)
        {
            return;
        }

        if (ExtensionAmount is not { } extension)
        {
            throw new InvalidOperationException($"The time limit '{Clock}' of workflow '{WorkflowId}' allows no extension.");
        }

        var before = DueAt;
        Extended = true;
        if (Status == DeadlineStatus.Overdue)
        {
            Status = DeadlineStatus.Running;
        }

        Compute(calendar, cause.At);
        Record(cause, DeadlineChangeKind.Extended, before, DueAt,
            $"Extended once by {extension} {DeadlineRule.UnitText(Unit)} with approval; due moves from {Describe(before)} to {Describe(DueAt)}.");
    }

    /// <summary>
    /// The calendar changed (a holiday or excluded day was added, or a missing year loaded):
    /// computes again and records the move, if any. Returns whether the due time moved.
    /// </summary>
    public bool Recompute(WorkingCalendar calendar, DeadlineCause cause)
    {
        if (Status is not (DeadlineStatus.Running or DeadlineStatus.AwaitingCalendar or DeadlineStatus.Paused))
        {
            return false;
        }

        var before = DueAt;
        var wasAwaiting = Status == DeadlineStatus.AwaitingCalendar;
        Compute(calendar, cause.At);
        if (before == DueAt && !wasAwaiting)
        {
            return false;
        }

        Record(cause, DeadlineChangeKind.Recomputed, before, DueAt, $"{cause.Reason} Due moves from {Describe(before)} to {Describe(DueAt)}.");
        return true;
    }

    /// <summary>The reminder timer fired for the reminder time it was scheduled for.</summary>
    public DeadlineTimerOutcome Remind(DateTimeOffset expectedRemindAt, DeadlineCause cause)
    {
        if (Status != DeadlineStatus.Running || RemindedAt is not null || RemindAt != expectedRemindAt)
        {
            return DeadlineTimerOutcome.NoLongerApplies;
        }

        if (RemindAt > cause.At)
        {
            return DeadlineTimerOutcome.NotDueYet;
        }

        // Caught up after downtime or a lost wake-up, past the due time: the overdue notice says it all.
        if (DueAt <= cause.At)
        {
            return DeadlineTimerOutcome.NoLongerApplies;
        }

        RemindedAt = cause.At;
        Record(cause, DeadlineChangeKind.Reminded, DueAt, DueAt, $"Reminder: the time limit '{Clock}' expires {Describe(DueAt)}.");
        return DeadlineTimerOutcome.TookEffect;
    }

    /// <summary>
    /// The expiry timer fired for the due time it was scheduled for. Marks the deadline overdue,
    /// lapsed or expired-by-action under its rule; the caller notifies or takes the action.
    /// </summary>
    public DeadlineTimerOutcome Expire(DateTimeOffset expectedDueAt, DeadlineCause cause)
    {
        if (Status != DeadlineStatus.Running || DueAt != expectedDueAt)
        {
            return DeadlineTimerOutcome.NoLongerApplies;
        }

        if (DueAt > cause.At)
        {
            return DeadlineTimerOutcome.NotDueYet;
        }

        (Status, var kind, var reason) = OnExpiry switch
        {
            DeadlineExpiry.TakeAction => (DeadlineStatus.ExpiredByAction, DeadlineChangeKind.ExpiredByAction, $"The time limit expired {Describe(DueAt)}; the procedure takes the action '{ExpiryAction}'."),
            DeadlineExpiry.Lapse => (DeadlineStatus.Lapsed, DeadlineChangeKind.Lapsed, $"The period closed {Describe(DueAt)}."),
            _ => (DeadlineStatus.Overdue, DeadlineChangeKind.MarkedOverdue, $"The time limit expired {Describe(DueAt)} with the step not done; supervisors notified."),
        };
        if (Status != DeadlineStatus.Overdue)
        {
            ClosedAt = cause.At;
        }

        Record(cause, kind, DueAt, DueAt, reason);
        return DeadlineTimerOutcome.TookEffect;
    }

    /// <summary>The procedure's expiry action could not be taken (e.g. a guard no longer holds): escalate instead.</summary>
    public void FallBackToOverdue(string why, DeadlineCause cause)
    {
        if (Status != DeadlineStatus.ExpiredByAction)
        {
            return;
        }

        Status = DeadlineStatus.Overdue;
        ClosedAt = null;
        Record(cause, DeadlineChangeKind.MarkedOverdue, DueAt, DueAt, $"The expiry action '{ExpiryAction}' could not be taken ({why}); marked overdue and supervisors notified instead.");
    }

    public void ForgetRecordedChanges() => recordedChanges.Clear();

    private void Begin(DeadlineRule rule, bool priority, CentreCode centre, CentreCode handlingCentre, WorkingCalendar calendar, DeadlineCause cause)
    {
        var before = DueAt;
        var restarted = Status != 0;
        Centre = centre;
        HandlingCentre = handlingCentre;
        Region = centre.GetRegion().Code;
        Unit = rule.Period.Unit;
        Amount = rule.Period.Amount;
        ExtensionAmount = rule.ExtensionAmount;
        TargetAmount = priority ? rule.PriorityTargetAmount : null;
        ReminderUnit = rule.Reminder?.Unit;
        ReminderAmount = rule.Reminder?.Amount;
        OnExpiry = rule.OnExpiry;
        ExpiryAction = rule.ExpiryAction;
        Source = rule.Source;
        StartedAt = cause.At;
        Status = DeadlineStatus.Running;
        PausedAt = null;
        PausedUnits = 0;
        Extended = false;
        RemindedAt = null;
        ClosedAt = null;
        Explanation = [];
        Compute(calendar, cause.At);
        Record(cause, DeadlineChangeKind.Started, restarted ? before : null, DueAt,
            $"{(restarted ? "Started again" : "Started")}: {Amount} {DeadlineRule.UnitText(Unit)} by the calendar of {Centre} ({Region}); due {Describe(DueAt)}.");
    }

    /// <param name="finishedPause">A pause that just ended, added to the explanation after those already there.</param>
    private void Compute(WorkingCalendar calendar, DateTimeOffset now, ExplanationStep? finishedPause = null)
    {
        // Finished pauses are kept in the explanation, so every recomputation explains the whole history.
        List<ExplanationStep> pauses = [.. Explanation.Where(step => step.Kind == ExplanationStepKind.Paused)];
        if (finishedPause is not null)
        {
            pauses.Add(finishedPause);
        }

        var header = new List<ExplanationStep>
        {
            new(ExplanationStepKind.Rule, null, $"{Clock}: {Amount} {DeadlineRule.UnitText(Unit)} — {Source}"),
        };
        var amount = Amount;
        if (Extended && ExtensionAmount is { } extension)
        {
            amount += extension;
            header.Add(new(ExplanationStepKind.Extended, null, $"Extended once by {extension} {DeadlineRule.UnitText(Unit)} with approval: {amount} {DeadlineRule.UnitText(Unit)} in all."));
        }

        header.AddRange(pauses);
        var previousRemindAt = RemindAt;
        try
        {
            var due = DeadlineArithmetic.Compute(calendar, StartedAt, new Period(amount, Unit), PausedUnits);
            LastDay = due.LastDay;
            DueAt = due.ExpiresAt.ToUniversalTime();
            var reminderBasis = due;
            TargetAt = null;
            if (TargetAmount is { } target)
            {
                var internalTarget = DeadlineArithmetic.Compute(calendar, StartedAt, new Period(target, Unit), PausedUnits);
                TargetAt = internalTarget.ExpiresAt.ToUniversalTime();
                reminderBasis = internalTarget;
                header.Add(new(ExplanationStepKind.Rule, internalTarget.LastDay, $"Internal target for a priority case: {target} {DeadlineRule.UnitText(Unit)}, by {internalTarget.LastDay:yyyy-MM-dd}."));
            }

            RemindAt = ReminderUnit is { } unit && ReminderAmount is { } before
                ? DeadlineArithmetic.ReminderOf(calendar, reminderBasis, new Period(before, unit)).ToUniversalTime()
                : null;
            if (RemindAt <= StartedAt)
            {
                RemindAt = null;
            }

            if (Status == DeadlineStatus.AwaitingCalendar)
            {
                Status = DeadlineStatus.Running;
            }

            Explanation = [.. header, .. due.Explanation];
        }
        catch (DateOutsideCalendarException exception)
        {
            AwaitCalendar(header, exception);
        }

        // A reminder already sent for an earlier due time is sent again for the new one, if still ahead.
        if (RemindAt != previousRemindAt && RemindAt > now)
        {
            RemindedAt = null;
        }
    }

    /// <summary>No due time until the calendar covers the year it falls in; a paused deadline stays paused.</summary>
    private void AwaitCalendar(IEnumerable<ExplanationStep> explanation, DateOutsideCalendarException exception)
    {
        LastDay = null;
        DueAt = TargetAt = RemindAt = null;
        if (Status == DeadlineStatus.Running)
        {
            Status = DeadlineStatus.AwaitingCalendar;
        }

        Explanation = [.. explanation, new ExplanationStep(ExplanationStepKind.Due, exception.Date, exception.Message)];
    }

    private void Record(DeadlineCause cause, DeadlineChangeKind kind, DateTimeOffset? before, DateTimeOffset? after, string reason)
    {
        Version++;
        recordedChanges.Add(new DeadlineChange(Id, CaseId, cause.At, cause.Actor, kind, before, after, reason, cause.CaseSequence));
    }

    private DateOnly LocalDate(DateTimeOffset instant) => Regions.Region.FromCode(Region).LocalDateOf(instant);

    private string Describe(DateTimeOffset? instant) =>
        instant is { } value ? value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm '(UTC+8)'", System.Globalization.CultureInfo.InvariantCulture) : "(not yet computable)";
}

/// <summary>What made a deadline change: when, who, why, and the case's timeline entry if a workflow step did.</summary>
public sealed record DeadlineCause(DateTimeOffset At, string Actor, string Reason, int? CaseSequence = null);

/// <summary>What a timer's command did. Only <see cref="TookEffect"/> changed anything.</summary>
public enum DeadlineTimerOutcome
{
    TookEffect = 1,

    /// <summary>The deadline was met, paused or moved since the timer was set: nothing to do.</summary>
    NoLongerApplies = 2,

    /// <summary>Fired early (e.g. another node's clock): nothing to do yet; a later wake-up or the sweep will act.</summary>
    NotDueYet = 3,
}
