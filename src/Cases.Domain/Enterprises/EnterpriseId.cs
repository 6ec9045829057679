namespace Cases.Domain.Enterprises;

/// <summary>Identifies a key enterprise (重点企业) registered for the direct channel (直通车).</summary>
public readonly record struct EnterpriseId(Guid Value)
{
    public static EnterpriseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
