namespace Cases.Api.Tests;

/// <summary>
/// What a deadline did, read from the database: its change records and its outbox notices. Timer
/// tests count these, not processor runs, because exactly-once is a property of the effects (ADR 0011).
/// </summary>
public sealed record DeadlineEffects(long Reminded, long Reminders, long MarkedOverdue, long OverdueNotices)
{
    public static readonly DeadlineEffects RemindedOnly = new(1, 1, 0, 0);
    public static readonly DeadlineEffects RemindedAndOverdue = new(1, 1, 1, 1);

    /// <summary>A reminder whose wake-up came only after the due time is not sent: the overdue notice supersedes it.</summary>
    public static readonly DeadlineEffects OverdueOnly = new(0, 0, 1, 1);

    public static async Task<DeadlineEffects> OfAsync(Workflow workflow, Guid caseId, string clock) => new(
        await workflow.CountAsync(ChangesOfKind(clock, "Reminded"), caseId),
        await workflow.CountAsync(NoticesOfType(clock, "DeadlineReminder"), caseId),
        await workflow.CountAsync(ChangesOfKind(clock, "MarkedOverdue"), caseId),
        await workflow.CountAsync(NoticesOfType(clock, "DeadlineOverdue"), caseId));

    public static string ChangesOfKind(string clock, string kind) =>
        $"SELECT count(*) FROM deadline_changes c JOIN deadlines d ON d.id = c.deadline_id WHERE d.case_id = @id AND d.clock = '{clock}' AND c.kind = '{kind}'";

    private static string NoticesOfType(string clock, string type) =>
        $"SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = '{type}' AND payload->>'clock' = '{clock}'";
}

/// <summary>
/// Deadline effects through the real timers, over HTTP and PostgreSQL: cases are filed through the
/// API (which schedules the Quartz wake-ups after the commit), the shared <see cref="TestClock"/>
/// moves, and Quartz, not the test, runs the real <c>DueDeadlineProcessor</c>. The dates: filing on
/// Mon 2026-03-02 09:30 in the 9+2 starts the 5-working-day AcceptanceDecision deadline, reminded at
/// Thu 03-05 00:00 and due at Tue 03-10 00:00 (UTC+8); notifying a mediation respondent the same day
/// starts the 15-day RespondentConsent window, due at Wed 03-18 00:00.
/// </summary>
public static class TimerEffects
{
    public static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    public const string Acceptance = "AcceptanceDecision";

    public const string Consent = "RespondentConsent";
}

public sealed class TimerEffectRestartTests(TimerApi api) : IClassFixture<TimerApi>
{
    [Fact]
    public async Task Deadlines_due_while_every_node_was_down_take_effect_once_through_the_missed_wake_ups_when_a_node_starts_again()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var remindAt = new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimerEffects.Utc8);
        var dueAt = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimerEffects.Utc8);
        var consentDueAt = new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimerEffects.Utc8);
        var rightsDefence = new List<Guid>();
        Guid mediation;
        await using (var before = new SecondNode(api))
        {
            var onBefore = new Workflow(api, before);
            await CasesApi.RegisterCentresAsync(onBefore.Anyone());
            for (var number = 1; number <= 5; number++)
            {
                rightsDefence.Add(await onBefore.FileAsync(Filings.RightsDefence(title: $"Restart {number}")));
            }

            mediation = await onBefore.FileAsync(Filings.Mediation());
            await onBefore.ActAsync(mediation, "notifyRespondent");
            Assert.Equal(dueAt, (await onBefore.DeadlineAsync(rightsDefence[0], TimerEffects.Acceptance)).GetProperty("dueAt").GetDateTimeOffset());
            Assert.Equal(consentDueAt, (await onBefore.DeadlineAsync(mediation, TimerEffects.Consent)).GetProperty("dueAt").GetDateTimeOffset());
        }

        // Every node is down with the wake-ups pending (one per instant, however many deadlines share it)...
        Assert.Equal(["wake-up-20260304T160000Z", "wake-up-20260309T160000Z", "wake-up-20260317T160000Z"], await api.WakeUpTriggersAsync());
        Assert.Empty(api.DeadlineProcessor.Runs);
        // ...while every instant passes, well past the misfire threshold.
        var restartedAt = new DateTimeOffset(2026, 3, 18, 9, 0, 0, TimerEffects.Utc8);
        api.Clock.Set(restartedAt);

        await using var after = new SecondNode(api);
        var onAfter = new Workflow(api, after);
        _ = after.Services;
        DateTimeOffset[] instants = [remindAt, dueAt, consentDueAt];
        await TimerApi.EventuallyAsync(() => instants.All(instant => api.WakeUps.CountFor(instant) > 0), "every missed wake-up ran after the restart");
        await TimerApi.QuietAsync();

        // Each missed wake-up fired once, and nothing else ran the processor (the sweep's first turn is a day away).
        Assert.All(instants, instant => Assert.Equal(1, api.WakeUps.CountFor(instant)));
        Assert.Equal(Enumerable.Repeat(restartedAt.ToUniversalTime(), 3), api.DeadlineProcessor.Runs);
        Assert.Empty(await api.WakeUpTriggersAsync());

        foreach (var id in rightsDefence)
        {
            Assert.Equal("Overdue", (await onAfter.DeadlineAsync(id, TimerEffects.Acceptance)).GetProperty("status").GetString());
            Assert.Equal(DeadlineEffects.OverdueOnly, await DeadlineEffects.OfAsync(onAfter, id, TimerEffects.Acceptance));
        }

        Assert.Equal("ClosedWithoutMediation", await onAfter.StateAsync(mediation));
        Assert.Equal("ExpiredByAction", (await onAfter.DeadlineAsync(mediation, TimerEffects.Consent)).GetProperty("status").GetString());
        Assert.Single((await onAfter.TimelineAsync(mediation)).EnumerateArray(), @event => @event.GetProperty("type").GetString() == "MediationLapsed");
        Assert.Equal(1, await onAfter.CountAsync(DeadlineEffects.ChangesOfKind(TimerEffects.Consent, "ExpiredByAction"), mediation));
        Assert.Equal(0, await onAfter.CountAsync("SELECT count(*) FROM outbox_messages WHERE case_id = @id AND type = 'DeadlineOverdue'", mediation));
    }
}

public sealed class TimerEffectClusterTests(TimerApi api) : IClassFixture<TimerApi>
{
    [Fact]
    public async Task Deadlines_due_together_and_apart_on_two_nodes_are_reminded_and_marked_overdue_once_each_in_the_cluster()
    {
        api.Clock.Set(CasesApi.DefaultNow);
        var onThis = new Workflow(api);
        await using var other = new SecondNode(api);
        var onOther = new Workflow(api, other);
        await CasesApi.RegisterCentresAsync(onThis.Anyone());

        // Monday's filings share their instants; Tuesday's fall due a day later. Each node files some of each.
        var monday = new List<Guid>();
        for (var number = 1; number <= 6; number++)
        {
            monday.Add(await (number % 2 == 0 ? onOther : onThis).FileAsync(Filings.RightsDefence(title: $"Monday {number}")));
        }

        api.Clock.Set(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimerEffects.Utc8));
        var tuesday = new List<Guid>();
        for (var number = 1; number <= 4; number++)
        {
            tuesday.Add(await (number % 2 == 0 ? onThis : onOther).FileAsync(Filings.RightsDefence(title: $"Tuesday {number}")));
        }

        var mondayRemind = new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimerEffects.Utc8);
        var tuesdayRemind = new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimerEffects.Utc8);
        var mondayDue = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimerEffects.Utc8);
        var tuesdayDue = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimerEffects.Utc8);
        Assert.Equal(tuesdayDue, (await onOther.DeadlineAsync(tuesday[0], TimerEffects.Acceptance)).GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(
            ["wake-up-20260304T160000Z", "wake-up-20260305T160000Z", "wake-up-20260309T160000Z", "wake-up-20260310T160000Z"],
            await api.WakeUpTriggersAsync());

        // On time: Monday's reminders, and nothing of Tuesday's.
        api.Clock.Set(mondayRemind.AddSeconds(1));
        await TimerApi.EventuallyAsync(() => api.WakeUps.CountFor(mondayRemind) > 0, "Monday's reminder wake-up ran");
        foreach (var id in monday)
        {
            Assert.Equal(DeadlineEffects.RemindedOnly, await DeadlineEffects.OfAsync(onThis, id, TimerEffects.Acceptance));
        }

        foreach (var id in tuesday)
        {
            Assert.Equal(new DeadlineEffects(0, 0, 0, 0), await DeadlineEffects.OfAsync(onThis, id, TimerEffects.Acceptance));
        }

        // Then the three other instants at once: their wake-ups fire together, on both nodes, over the same rows.
        api.Clock.Set(tuesdayDue.AddMinutes(1));
        DateTimeOffset[] instants = [mondayRemind, tuesdayRemind, mondayDue, tuesdayDue];
        await TimerApi.EventuallyAsync(() => instants.All(instant => api.WakeUps.CountFor(instant) > 0), "every wake-up ran");
        await TimerApi.QuietAsync();

        Assert.All(instants, instant => Assert.Equal(1, api.WakeUps.CountFor(instant)));
        Assert.Equal(4, api.WakeUps.Instants.Count);
        Assert.Empty(await api.WakeUpTriggersAsync());
        foreach (var id in monday.Concat(tuesday))
        {
            Assert.Equal("Overdue", (await onOther.DeadlineAsync(id, TimerEffects.Acceptance)).GetProperty("status").GetString());
            // Tuesday's reminder time passed together with its due time: only the overdue notice goes out.
            Assert.Equal(monday.Contains(id) ? DeadlineEffects.RemindedAndOverdue : DeadlineEffects.OverdueOnly, await DeadlineEffects.OfAsync(onThis, id, TimerEffects.Acceptance));
        }
    }
}

public sealed class TimerEffectSweepTests(SweepingTimerApi api) : IClassFixture<SweepingTimerApi>
{
    [Fact]
    public async Task A_deadline_whose_wake_ups_were_lost_after_the_commit_takes_effect_once_at_the_next_sweep()
    {
        // The node starts now, so the sweep (every minute of injected time) turns on whole minutes from 01:30:00 UTC.
        api.Clock.Set(CasesApi.DefaultNow);
        var workflow = new Workflow(api);
        await CasesApi.RegisterCentresAsync(workflow.Anyone());
        var id = await workflow.FileAsync(Filings.RightsDefence());
        var dueAt = (await workflow.DeadlineAsync(id, TimerEffects.Acceptance)).GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimerEffects.Utc8), dueAt);
        Assert.Equal(["wake-up-20260304T160000Z", "wake-up-20260309T160000Z"], await api.WakeUpTriggersAsync());

        // The process died after the commit and before scheduling: no wake-up exists for it.
        await api.LoseWakeUpsAsync();
        Assert.Empty(await api.WakeUpTriggersAsync());

        // Past due, between two turns (the turns missed meanwhile are skipped): nothing has taken effect.
        api.Clock.Set(dueAt.AddSeconds(30));
        await TimerApi.QuietAsync();
        Assert.Empty(api.DeadlineProcessor.Runs);
        Assert.Equal("Running", (await workflow.DeadlineAsync(id, TimerEffects.Acceptance)).GetProperty("status").GetString());

        // The next turn of the sweep catches the expiry, once (the reminder's time has passed with it).
        api.Clock.Set(dueAt.AddSeconds(61));
        await TimerApi.EventuallyAsync(() => api.DeadlineProcessor.Runs.Count > 0, "the sweep ran");
        await TimerApi.QuietAsync();

        Assert.Equal([dueAt.AddSeconds(61).ToUniversalTime()], api.DeadlineProcessor.Runs);
        Assert.Empty(api.WakeUps.Instants);
        Assert.Empty(await api.WakeUpTriggersAsync());
        Assert.Equal("Overdue", (await workflow.DeadlineAsync(id, TimerEffects.Acceptance)).GetProperty("status").GetString());
        Assert.Equal(DeadlineEffects.OverdueOnly, await DeadlineEffects.OfAsync(workflow, id, TimerEffects.Acceptance));
    }
}
