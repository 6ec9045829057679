namespace Cases.Domain.Clocks;

/// <summary>
/// A named clock (期限) of one case as the workflow left it: running, paused or stopped, and since
/// when. The legal-time engine turns a running clock into a due date; this records only the facts
/// it needs: when the clock started, every pause, and whether it was extended.
/// </summary>
public sealed class CaseClock
{
    public CaseClock(string name, DateTimeOffset startedAt)
    {
        Name = name;
        Status = ClockStatus.Running;
        StartedAt = startedAt;
    }

    public string Name { get; private set; }

    public ClockStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the current pause began; null unless paused.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>The total time spent paused, which does not count against the limit.</summary>
    public TimeSpan PausedFor { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>Extended once with approval (延长); a second extension is refused by the workflow.</summary>
    public bool Extended { get; private set; }

    /// <summary>
    /// Applies an operation and says whether it changed anything. Operations that do not apply
    /// (stopping a clock that is not running on this case's path) change nothing and are not recorded.
    /// </summary>
    public bool Apply(ClockOperationKind operation, DateTimeOffset now)
    {
        switch (operation)
        {
            case ClockOperationKind.Start:
                // Entering the step again (e.g. back to triage after a declined referral) restarts its clock.
                Status = ClockStatus.Running;
                StartedAt = now;
                PausedAt = null;
                PausedFor = TimeSpan.Zero;
                StoppedAt = null;
                Extended = false;
                return true;
            case ClockOperationKind.Stop when Status != ClockStatus.Stopped:
                if (PausedAt is { } pausedAt)
                {
                    PausedFor += now - pausedAt;
                    PausedAt = null;
                }

                Status = ClockStatus.Stopped;
                StoppedAt = now;
                return true;
            case ClockOperationKind.Pause when Status == ClockStatus.Running:
                Status = ClockStatus.Paused;
                PausedAt = now;
                return true;
            case ClockOperationKind.Resume when Status == ClockStatus.Paused:
                PausedFor += now - PausedAt!.Value;
                PausedAt = null;
                Status = ClockStatus.Running;
                return true;
            case ClockOperationKind.Extend when Status != ClockStatus.Stopped && !Extended:
                Extended = true;
                return true;
            default:
                return false;
        }
    }
}

public enum ClockStatus
{
    Running = 1,
    Paused = 2,
    Stopped = 3,
}
