using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Enterprises.CreateEnterpriseUser;

/// <summary>
/// Creates an account for a user of a key enterprise (企业用户账号), in the EnterpriseUser role: it
/// files and follows the enterprise's cases only. The password is never logged.
/// </summary>
public sealed record CreateEnterpriseUserCommand(Guid EnterpriseId, string? UserName, string? DisplayName, string? Password) : ICommand<UserView>
{
    public override string ToString() => $"{nameof(CreateEnterpriseUserCommand)} {{ EnterpriseId = {EnterpriseId}, UserName = {UserName} }}";
}
