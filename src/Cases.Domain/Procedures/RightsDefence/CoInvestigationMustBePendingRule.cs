using Cases.Domain.Clocks;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.RightsDefence;

/// <summary>A co-investigation (协查) response is recorded against a request that is still awaiting one.</summary>
public sealed class CoInvestigationMustBePendingRule(CaseClock? responseClock) : IBusinessRule
{
    public bool IsBroken() => responseClock is not { Status: ClockStatus.Running or ClockStatus.Paused };

    public string Message => "No co-investigation request of this case is awaiting a response.";
}
