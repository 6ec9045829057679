using Cases.Domain.Cases;
using Cases.Domain.Rights;

namespace Cases.Workflows.Cases;

/// <summary>A case as the API shows it.</summary>
public sealed record CaseView(
    Guid Id,
    string Number,
    string Centre,
    CaseKind Kind,
    string State,
    string Title,
    string Summary,
    bool Priority,
    string? ExternalReference,
    DateTimeOffset FiledAt,
    string FiledBy,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<RightView> Rights)
{
    public static CaseView From(Case @case) => new(
        @case.Id.Value,
        @case.Number.ToString(),
        @case.Centre.Value,
        @case.Kind,
        @case.State.Name,
        @case.Title,
        @case.Summary,
        @case.Priority,
        @case.ExternalReference,
        @case.FiledAt,
        @case.FiledBy,
        @case.UpdatedAt,
        @case.Version,
        @case.Parties.OrderBy(party => party.Ordinal)
            .Select(party => new PartyView(party.Role, party.Kind, party.Name, party.Identifier, party.Email, party.Phone, party.Address))
            .ToList(),
        @case.Rights.OrderBy(right => right.Ordinal)
            .Select(right => new RightView(right.Kind, right.Number, right.Title))
            .ToList());
}

public sealed record PartyView(PartyRole Role, PartyKind Kind, string Name, string? Identifier, string? Email, string? Phone, string? Address);

public sealed record RightView(IntellectualPropertyKind Kind, string Number, string? Title);
