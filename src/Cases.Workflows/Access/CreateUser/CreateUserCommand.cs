using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Access.CreateUser;

/// <summary>
/// Creates a staff account (工作人员账号) at a centre, or a system administrator's. Enterprise users
/// are created through their enterprise. The password is never logged.
/// </summary>
public sealed record CreateUserCommand(string? UserName, string? DisplayName, string? Password, IReadOnlyList<Role>? Roles, CentreCode? Centre) : ICommand<UserView>
{
    public override string ToString() => $"{nameof(CreateUserCommand)} {{ UserName = {UserName}, Centre = {Centre} }}";
}

/// <summary>An account as listed: never its password hash or security stamps.</summary>
public sealed record UserView(Guid Id, string UserName, string DisplayName, IReadOnlyList<Role> Roles, string? Centre, Guid? Enterprise, DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil);
