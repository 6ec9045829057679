using Cases.Domain.Common;

namespace Cases.Domain.Cases.Rules;

/// <summary>An internal note (内部备注) says something; an empty one would only clutter the timeline.</summary>
public sealed class InternalNoteMustNotBeEmptyRule(string? text) : IBusinessRule
{
    public const int MaximumLength = 4000;

    public bool IsBroken() => string.IsNullOrWhiteSpace(text);

    public string Message => "An internal note needs some text.";
}
