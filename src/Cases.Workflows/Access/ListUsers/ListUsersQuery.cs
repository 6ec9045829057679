using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Access.ListUsers;

/// <summary>The accounts an administrator manages: a centre administrator's centre, or every account for a system administrator.</summary>
public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserView>>;
