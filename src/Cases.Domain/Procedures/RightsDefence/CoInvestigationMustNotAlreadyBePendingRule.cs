using Cases.Domain.Clocks;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.RightsDefence;

/// <summary>One co-investigation request (协查) at a time, so each response answers a known request and its deadline.</summary>
public sealed class CoInvestigationMustNotAlreadyBePendingRule(CaseClock? responseClock) : IBusinessRule
{
    public bool IsBroken() => responseClock is { Status: ClockStatus.Running or ClockStatus.Paused };

    public string Message => "A co-investigation request of this case is still awaiting its response; record that response first.";
}
