using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Access.Rules;

/// <summary>Staff (工作人员) work at one centre, and see its cases; only system administrators belong to none.</summary>
public sealed class StaffMustBelongToACentreRule(IReadOnlyCollection<Role> roles, CentreCode? centre) : IBusinessRule
{
    public bool IsBroken() => centre is null && !roles.Contains(Role.SystemAdmin);

    public string Message => "A staff account needs the centre it works at.";
}
