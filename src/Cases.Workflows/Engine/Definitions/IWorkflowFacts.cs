using Cases.Domain.Cases;
using Cases.Domain.Centres;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>Recorded facts that guards need and a case does not carry, looked up only when a guard asks.</summary>
public interface IWorkflowFacts
{
    /// <summary>The IPC classes (or class prefixes) a centre pre-examines, e.g. <c>H04L</c>, <c>G06</c>.</summary>
    Task<IReadOnlyList<string>> TechnicalScopeOfAsync(CentreCode centre, CancellationToken cancellationToken);

    /// <summary>Whether a party is on the centre's list of registered applicants (备案申请人), by identifier or name.</summary>
    Task<bool> IsRegisteredApplicantAsync(CentreCode centre, Party party, CancellationToken cancellationToken);

    /// <summary>The recorded links between a person (a mediator or arbitrator) and any of the given parties.</summary>
    Task<IReadOnlyList<RecordedConflictLink>> LinksBetweenAsync(string person, IEnumerable<string> partyNames, CancellationToken cancellationToken);
}

/// <summary>A recorded link (利害关系) between a mediator or arbitrator and a party.</summary>
public sealed record RecordedConflictLink(string Person, string PartyName, string Relationship);
