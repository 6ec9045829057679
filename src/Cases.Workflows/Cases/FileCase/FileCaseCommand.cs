using Cases.Domain.Cases;
using Cases.Domain.Rights;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.FileCase;

/// <summary>
/// Files a case at a protection centre (立案申请 / 投诉): allocates its number, starts its
/// timeline. Fields are nullable so a missing one is reported by name rather than defaulted.
/// </summary>
public sealed record FileCaseCommand(
    string? Centre,
    CaseKind? Kind,
    string? Title,
    string? Summary,
    bool Priority,
    string? ExternalReference,
    IReadOnlyList<FileCaseCommand.PartyInput>? Parties,
    IReadOnlyList<FileCaseCommand.RightInput>? Rights) : ICommand<CaseView>
{
    public sealed record PartyInput(PartyRole? Role, PartyKind? Kind, string? Name, string? Identifier, string? Email, string? Phone, string? Address);

    public sealed record RightInput(IntellectualPropertyKind? Kind, string? Number, string? Title);

    /// <summary>The filing in domain terms; call only after validation.</summary>
    public CaseFiling ToFiling() => new(
        Kind!.Value,
        Title!,
        Summary,
        Priority,
        ExternalReference,
        Parties!.Select(party => new PartyDetails(party.Role!.Value, party.Kind!.Value, party.Name!, new ContactDetails(party.Identifier, party.Email, party.Phone, party.Address))).ToList(),
        Rights!.Select(right => new RightDetails(right.Kind!.Value, right.Number!, right.Title)).ToList());
}
