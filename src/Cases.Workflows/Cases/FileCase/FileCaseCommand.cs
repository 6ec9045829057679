using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Rights;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.FileCase;

/// <summary>
/// Files a case at a protection centre (立案申请 / 投诉): allocates its number, starts its
/// timeline. Fields are nullable so a missing one is reported by name rather than defaulted;
/// <see cref="Centre"/> may be left out by a key enterprise's user, who files with the
/// enterprise's centre through the direct channel (直通车).
/// </summary>
public sealed record FileCaseCommand(
    CentreCode? Centre,
    CaseKind? Kind,
    string? Title,
    IReadOnlyList<FileCaseCommand.PartyInput>? Parties,
    IReadOnlyList<FileCaseCommand.RightInput>? Rights,
    string? Summary = null,
    bool Priority = false,
    string? ExternalReference = null) : ICommand<AudienceCaseView>
{
    /// <summary>A party to the case (当事人) as the filer describes it.</summary>
    public sealed record PartyInput(PartyRole? Role, PartyKind? Kind, string? Name, string? Identifier = null, string? Email = null, string? Phone = null, string? Address = null);

    /// <summary>A right the case concerns (涉案知识产权) as the filer describes it.</summary>
    public sealed record RightInput(IntellectualPropertyKind? Kind, string? Number, string? Title = null);

    /// <summary>The filing in domain terms; call only after validation.</summary>
    public CaseFiling ToFiling(DirectChannelFiler? directChannel) => new(
        Kind!.Value,
        Title!,
        Summary,
        Priority,
        ExternalReference,
        Parties!.Select(party => new PartyDetails(party.Role!.Value, party.Kind!.Value, party.Name!, new ContactDetails(party.Identifier, party.Email, party.Phone, party.Address))).ToList(),
        Rights!.Select(right => new RightDetails(right.Kind!.Value, right.Number!, right.Title)).ToList(),
        directChannel);
}
