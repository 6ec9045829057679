using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Access.Rules;

/// <summary>A system administrator (系统管理员) serves every centre, so the account names none.</summary>
public sealed class SystemAdministratorMustNotBelongToACentreRule(IReadOnlyCollection<Role> roles, CentreCode? centre) : IBusinessRule
{
    public bool IsBroken() => centre is not null && roles.Contains(Role.SystemAdmin);

    public string Message => "A system administrator account serves every centre and must not name one.";
}
