using Cases.Domain.Common;

namespace Cases.Domain.Enterprises.Rules;

/// <summary>A withdrawn enterprise (已退出直通车) gets no new users and files no new cases.</summary>
public sealed class KeyEnterpriseMustBeActiveRule(KeyEnterpriseStatus status) : IBusinessRule
{
    public bool IsBroken() => status != KeyEnterpriseStatus.Active;

    public string Message => "The enterprise was withdrawn from the direct channel.";
}
