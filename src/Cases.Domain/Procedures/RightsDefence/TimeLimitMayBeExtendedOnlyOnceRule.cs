using Cases.Domain.Clocks;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.RightsDefence;

/// <summary>A time limit that allows an extension (延长) allows one, and only while it runs.</summary>
public sealed class TimeLimitMayBeExtendedOnlyOnceRule(string clockName, CaseClock? clock) : IBusinessRule
{
    public bool IsBroken() => clock is not { Status: not ClockStatus.Stopped, Extended: false };

    public string Message => clock switch
    {
        null or { Status: ClockStatus.Stopped } => $"The time limit '{clockName}' is not running, so it cannot be extended.",
        _ => $"The time limit '{clockName}' was already extended once; it cannot be extended again.",
    };
}
