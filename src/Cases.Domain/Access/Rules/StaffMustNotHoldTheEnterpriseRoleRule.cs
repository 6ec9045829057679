using Cases.Domain.Common;

namespace Cases.Domain.Access.Rules;

/// <summary>The EnterpriseUser role (企业用户) belongs to the users a key enterprise registers, never to staff.</summary>
public sealed class StaffMustNotHoldTheEnterpriseRoleRule(IReadOnlyCollection<Role> roles) : IBusinessRule
{
    public bool IsBroken() => roles.Contains(Role.EnterpriseUser);

    public string Message => "The EnterpriseUser role is given to the users of a registered key enterprise, not to staff accounts.";
}
