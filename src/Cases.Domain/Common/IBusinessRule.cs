namespace Cases.Domain.Common;

/// <summary>
/// A named invariant of the domain. Its class name reads as the rule itself
/// (<c>{Subject}Must…Rule</c>) and its message tells a person what is wrong.
/// </summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}
