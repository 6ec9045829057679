using Cases.Domain.Cases;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.ListAssignedCases;

/// <summary>
/// The caller's own cases as a mediator or arbitrator (我承办的调解、仲裁案件): the open ones and those
/// closed in the last <see cref="RecentlyClosedWindow"/>, each with its parties, the sessions held,
/// the outcome steps recorded and the consent, judicial-confirmation and award deadlines. Which
/// cases are the caller's is decided by <see cref="AssignedCaseReader"/>, within the caller's scope.
/// </summary>
public sealed record ListAssignedCasesQuery : IQuery<AssignedCaseList>
{
    /// <summary>How long a closed case stays on the list, so its outcome and deadlines can still be checked.</summary>
    public static readonly TimeSpan RecentlyClosedWindow = TimeSpan.FromDays(30);

    /// <summary>Bounds the list; a person has far fewer cases in hand.</summary>
    public const int MaximumCount = 200;
}

/// <summary>The caller's assigned cases as of <see cref="AsOf"/>: open ones first (those with a step for the caller first), then recently closed.</summary>
public sealed record AssignedCaseList(DateTimeOffset AsOf, IReadOnlyList<AssignedCaseView> Cases);

/// <summary>How the case came to be the caller's.</summary>
public enum NeutralAssignment
{
    /// <summary>Named as the mediator by assignMediator (指派调解员).</summary>
    Mediator = 1,

    /// <summary>Named as the arbitrator by formTribunal or formForeignRelatedTribunal (组成仲裁庭).</summary>
    Arbitrator = 2,

    /// <summary>
    /// A rights-defence case referred to mediation (转调解): that procedure names no mediator, so any
    /// mediator of the handling centre may record its outcome.
    /// </summary>
    CentreMediation = 3,
}

/// <summary>One assigned case as a mediator or arbitrator needs it at a glance.</summary>
/// <param name="Assignments">Why the case is the caller's (usually one).</param>
/// <param name="Mediator">The mediator's name as recorded on the case, if one was assigned.</param>
/// <param name="Arbitrator">The arbitrator's name as recorded on the case, if a tribunal was formed.</param>
/// <param name="Sessions">The mediation sessions recorded (记录调解), oldest first.</param>
/// <param name="Steps">The other steps of the mediation or arbitration recorded so far (assignment, agreement, failure, hearing, award...), oldest first.</param>
/// <param name="Deadlines">The consent, judicial-confirmation and award deadlines (and, for rights defence, the handling deadline mediation pauses).</param>
/// <param name="OpenActions">The steps the caller may take now as mediator or arbitrator: the next thing to do.</param>
/// <param name="Closed">The caller's part is over: the case is closed, or (rights defence) its mediation has ended.</param>
/// <param name="ClosedAt">When the caller's part ended, for a closed one.</param>
public sealed record AssignedCaseView(
    Guid Id,
    string Number,
    string Title,
    string Summary,
    CaseKind Kind,
    string State,
    WorkflowPinView Workflow,
    string HandlingCentre,
    int Version,
    IReadOnlyList<NeutralAssignment> Assignments,
    string? Mediator,
    string? Arbitrator,
    IReadOnlyList<AssignedCasePartyView> Parties,
    IReadOnlyList<MediationSessionView> Sessions,
    IReadOnlyList<NeutralStepView> Steps,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<string> OpenActions,
    bool Closed,
    DateTimeOffset? ClosedAt,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt);

/// <summary>A party as the neutral needs it: who they are, not how to reach them.</summary>
public sealed record AssignedCasePartyView(PartyRole Role, PartyKind Kind, string Name);

/// <summary>A mediation session held (调解记录): its date, the notes, and who recorded it when.</summary>
public sealed record MediationSessionView(int Sequence, DateOnly? SessionDate, string Notes, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// A recorded step of the mediation or arbitration: the action, its date (agreement, hearing,
/// award...) and its text (terms, reason, summary, court), as entered.
/// </summary>
public sealed record NeutralStepView(int Sequence, string Action, string Type, DateOnly? Date, string? Text, DateTimeOffset RecordedAt, string RecordedBy);
