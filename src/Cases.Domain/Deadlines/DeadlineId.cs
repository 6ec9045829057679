namespace Cases.Domain.Deadlines;

/// <summary>The identity of one deadline (期限) of one case's clock.</summary>
public readonly record struct DeadlineId(Guid Value)
{
    public static DeadlineId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    public override string ToString() => Value.ToString();
}
