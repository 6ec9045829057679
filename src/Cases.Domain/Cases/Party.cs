namespace Cases.Domain.Cases;

/// <summary>A party to a case (当事人) with how to reach them.</summary>
public sealed class Party
{
    public const int MaximumNameLength = 200;
    public const int MaximumIdentifierLength = 64;
    public const int MaximumEmailLength = 254;
    public const int MaximumPhoneLength = 32;
    public const int MaximumAddressLength = 500;

    // For the persistence layer's materialisation.
    private Party()
    {
        Name = string.Empty;
    }

    private Party(int ordinal, PartyRole role, PartyKind kind, string name, ContactDetails contact)
    {
        Ordinal = ordinal;
        Role = role;
        Kind = kind;
        Name = name;
        Identifier = contact.Identifier;
        Email = contact.Email;
        Phone = contact.Phone;
        Address = contact.Address;
    }

    /// <summary>Position in the case's list, from 1.</summary>
    public int Ordinal { get; private set; }

    public PartyRole Role { get; private set; }

    public PartyKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Unified social credit code (统一社会信用代码), ID or passport number; personal data.</summary>
    public string? Identifier { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    public static Party Create(int ordinal, PartyRole role, PartyKind kind, string name, ContactDetails contact) =>
        new(ordinal, role, kind, name.Trim(), contact.Normalised());
}

/// <summary>How to identify and reach a party (身份信息与联系方式); every part is optional.</summary>
public sealed record ContactDetails(string? Identifier, string? Email, string? Phone, string? Address)
{
    public ContactDetails Normalised() => new(Clean(Identifier), Clean(Email), Clean(Phone), Clean(Address));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
