using Cases.Workflows.Pipeline;

namespace Cases.Workflows.ConflictsOfInterest.RecordConflictLink;

/// <summary>
/// Records a link (利害关系) between a mediator or arbitrator and a party, e.g. a former employer
/// or a relative. Assigning that person to a case with that party is then refused (回避).
/// </summary>
public sealed record RecordConflictLinkCommand(string? Person, string? PartyName, string? Relationship) : ICommand<ConflictLinkView>;

public sealed record ConflictLinkView(Guid Id, string Person, string PartyName, string Relationship, DateTimeOffset RecordedAt, string RecordedBy);
