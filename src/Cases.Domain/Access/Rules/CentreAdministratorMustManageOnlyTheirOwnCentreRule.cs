using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Access.Rules;

/// <summary>
/// A centre administrator (中心管理员) manages the accounts of their own centre only, and cannot make
/// a system administrator; a system administrator manages every account.
/// </summary>
public sealed class CentreAdministratorMustManageOnlyTheirOwnCentreRule(AccessScope manager, IReadOnlyCollection<Role> roles, CentreCode? centre) : IBusinessRule
{
    public bool IsBroken() => !manager.Unrestricted && (centre != manager.Centre || roles.Contains(Role.SystemAdmin));

    public string Message => manager.Centre is { } own
        ? $"A centre administrator creates accounts of their own centre ({own}) only, and no system administrator."
        : "Only a system administrator or a centre administrator creates accounts.";
}
