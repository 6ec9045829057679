using Cases.Domain.Cases;
using Cases.Domain.Access;
using Cases.Domain.Clocks;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// An action that moves a case from one of <see cref="From"/> to <see cref="To"/> (or leaves it
/// where it is, for steps such as an information notice): who may take it, what must hold
/// (guards), what it takes (payload) and keeps on the case, the timeline event it records, the
/// clock operations it performs and the messages it sends.
/// </summary>
public sealed record TransitionDefinition(
    string Action,
    string ChineseName,
    IReadOnlyList<string> From,
    string? To,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<GuardDefinition> Guards,
    IReadOnlyList<PayloadField> Payload,
    string EventType,
    IReadOnlyList<ClockOperation> Clocks,
    IReadOnlyList<string> Keeps,
    ReferralEffect Referral,
    IReadOnlyList<MessageDefinition> Sends)
{
    /// <summary>The case stays in the state the action was taken from.</summary>
    public bool StaysInPlace => To is null;
}
