namespace Cases.Domain.Clocks;

/// <summary>
/// What a step does to a named clock (期限), e.g. starting the 5-working-day acceptance clock.
/// The legal-time engine computes due dates; a workflow definition only says when.
/// </summary>
public sealed record ClockOperation(ClockOperationKind Kind, string Clock)
{
    public override string ToString() => $"{Kind} {Clock}";
}

public enum ClockOperationKind
{
    Start = 1,
    Stop = 2,

    /// <summary>Suspends the clock (中止): the paused span does not count.</summary>
    Pause = 3,

    /// <summary>Resumes a paused clock (恢复); the due date moves by the paused span.</summary>
    Resume = 4,

    /// <summary>Extends a running or paused clock once, with approval (延长期限).</summary>
    Extend = 5,
}
