namespace Cases.Domain.Cases;

/// <summary>The identity of a case (案件). Stable forever; the human case number is separate.</summary>
public readonly record struct CaseId(Guid Value)
{
    /// <summary>A new id, time-ordered by the given instant (never by the machine's clock).</summary>
    public static CaseId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    public override string ToString() => Value.ToString();
}
