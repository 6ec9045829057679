namespace Cases.Domain.Cases;

/// <summary>The identity of a case (案件). Stable forever; the human case number is separate.</summary>
public readonly record struct CaseId(Guid Value)
{
    public static CaseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
