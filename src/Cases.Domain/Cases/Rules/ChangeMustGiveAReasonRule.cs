using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>Every recorded decision says why, so the timeline explains itself.</summary>
public sealed class ChangeMustGiveAReasonRule(string? reason) : IBusinessRule
{
    public const int MaximumLength = 2000;

    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);

    public string Message => "A reason is required for this change.";
}
