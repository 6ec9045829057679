namespace Cases.Domain.Cases;

/// <summary>Whether a party is a natural person (自然人) or an organisation (法人或其他组织).</summary>
public enum PartyKind
{
    Person = 1,
    Organisation = 2,
}
