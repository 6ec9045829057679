using Cases.Domain.Common;

namespace Cases.Domain.Procedures.Mediation;

/// <summary>
/// Conflict of interest (回避): a mediator or arbitrator with a recorded link to either party
/// cannot be assigned to the case.
/// </summary>
public sealed class NeutralMustHaveNoLinkToEitherPartyRule(string role, string? person, IReadOnlyCollection<(string PartyName, string Relationship)> links) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(person) || links.Count > 0;

    public string Message => string.IsNullOrWhiteSpace(person)
        ? $"Name the {role} to assign."
        : $"The {role} '{person}' has a recorded link to a party: {string.Join("; ", links.Select(link => $"{link.PartyName} ({link.Relationship})"))}.";
}
