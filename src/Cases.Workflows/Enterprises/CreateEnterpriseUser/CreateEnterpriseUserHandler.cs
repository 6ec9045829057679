using Cases.Domain.Access;
using Cases.Domain.Common;
using Cases.Domain.Enterprises.Rules;
using Cases.Workflows.Access;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Enterprises.CreateEnterpriseUser;

public sealed class CreateEnterpriseUserHandler(KeyEnterpriseAccess access, UserAccounts accounts, ICurrentActor currentActor)
    : IRequestHandler<CreateEnterpriseUserCommand, UserView>
{
    public async Task<UserView> Handle(CreateEnterpriseUserCommand command, CancellationToken cancellationToken)
    {
        // Outside the caller's scope is not found, before the role check; then the administrator of the enterprise's centre, or a system administrator.
        var enterprise = await access.EnterpriseAsync(command.EnterpriseId, forChange: false, cancellationToken);
        currentActor.Require([Role.CentreAdmin, Role.SystemAdmin], "Creating an enterprise user");
        BusinessRules.Check(new KeyEnterpriseMustBeActiveRule(enterprise.Status));

        var user = await accounts.CreateAsync(command.UserName!, command.DisplayName!.Trim(), command.Password!, [Role.EnterpriseUser], centre: null, enterprise.Id.Value);
        return new UserView(user.Id, user.UserName!, user.DisplayName, [Role.EnterpriseUser], null, enterprise.Id.Value, user.CreatedAt, null);
    }
}
