using Cases.Domain.Cases;

namespace Cases.Workflows.Cases;

/// <summary>
/// A case as the key enterprise it belongs to sees it (企业视图): where it stands, its rights and
/// clocks, and who is involved — but not the facts the centre's steps kept, not its internal notes,
/// not the other parties' identifiers or contact details, and not which staff member did what.
/// </summary>
public sealed record EnterpriseCaseView(
    Guid Id,
    string Number,
    string Centre,
    CaseKind Kind,
    string State,
    string HandlingCentre,
    string? ReferredTo,
    string Title,
    string Summary,
    bool Priority,
    string? ExternalReference,
    DateTimeOffset FiledAt,
    string FiledBy,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<EnterprisePartyView> Parties,
    IReadOnlyList<RightView> Rights,
    IReadOnlyList<ClockView> Clocks,
    Guid Enterprise) : AudienceCaseView(Id);

/// <summary>
/// A party as the enterprise sees it: name and role always; identifier and contact details only
/// for the enterprise itself (<see cref="Contact"/> is null for everyone else).
/// </summary>
public sealed record EnterprisePartyView(PartyRole Role, PartyKind Kind, string Name, PartyContactView? Contact);

public sealed record PartyContactView(string? Identifier, string? Email, string? Phone, string? Address);
