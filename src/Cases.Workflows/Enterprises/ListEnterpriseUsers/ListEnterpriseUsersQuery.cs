using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Enterprises.ListEnterpriseUsers;

/// <summary>
/// The accounts of one key enterprise's users (企业用户账号), for the administrators who create them:
/// the administrator of the enterprise's centre, or a system administrator.
/// </summary>
public sealed record ListEnterpriseUsersQuery(Guid EnterpriseId) : IQuery<IReadOnlyList<UserView>>;
