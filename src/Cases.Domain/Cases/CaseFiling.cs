using Cases.Domain.Centres;
using Cases.Domain.Enterprises;
using Cases.Domain.Rights;

namespace Cases.Domain.Cases;

/// <summary>
/// What a filer tells the centre when filing a case (立案申请材料). <see cref="DirectChannel"/> is
/// set when a key enterprise files through the direct channel (直通车), null for staff filing.
/// </summary>
public sealed record CaseFiling(
    CaseKind Kind,
    string Title,
    string? Summary,
    bool Priority,
    string? ExternalReference,
    IReadOnlyList<PartyDetails> Parties,
    IReadOnlyList<RightDetails> Rights,
    DirectChannelFiler? DirectChannel = null)
{
    public const int MaximumTitleLength = 200;
    public const int MaximumSummaryLength = 4000;
    public const int MaximumExternalReferenceLength = 64;
    public const int MaximumParties = 20;
    public const int MaximumRights = 50;
}

/// <summary>A party named in a filing (当事人).</summary>
public sealed record PartyDetails(PartyRole Role, PartyKind Kind, string Name, ContactDetails Contact);

/// <summary>A right named in a filing (涉案知识产权).</summary>
public sealed record RightDetails(IntellectualPropertyKind Kind, string Number, string? Title);

/// <summary>The key enterprise filing through the direct channel, and the centre that registered it.</summary>
public sealed record DirectChannelFiler(EnterpriseId Enterprise, CentreCode EnterpriseCentre);
