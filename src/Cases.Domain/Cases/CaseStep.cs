using Cases.Domain.Centres;
using Cases.Domain.Clocks;

namespace Cases.Domain.Cases;

/// <summary>
/// One step of a case's workflow (流程步骤), as the workflow engine hands it to the case: the action,
/// the states it may be taken from, where it leads (null: the case stays where it is), the timeline
/// event it records with its payload, the payload values the case keeps, the clock operations, and
/// any change of handling centre in a cross-region referral.
/// </summary>
public sealed record CaseStep(
    string Action,
    IReadOnlyCollection<CaseState> AllowedFrom,
    CaseState? To,
    string EventType,
    IReadOnlyDictionary<string, string?> Payload,
    string? Reason,
    IReadOnlyCollection<string> Keeps,
    IReadOnlyList<ClockOperation> Clocks,
    ReferralEffect Referral = ReferralEffect.None,
    CentreCode? ReferralCentre = null);
