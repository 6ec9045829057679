using Cases.Domain.Common;

namespace Cases.Domain.Enterprises.Rules;

/// <summary>An enterprise leaves the direct channel once; withdrawing it again would rewrite when and why it left.</summary>
public sealed class KeyEnterpriseMustNotAlreadyBeWithdrawnRule(KeyEnterpriseStatus status, DateTimeOffset? withdrawnAt) : IBusinessRule
{
    public bool IsBroken() => status == KeyEnterpriseStatus.Withdrawn;

    public string Message => $"The enterprise was already withdrawn from the direct channel on {withdrawnAt:yyyy-MM-dd}.";
}
