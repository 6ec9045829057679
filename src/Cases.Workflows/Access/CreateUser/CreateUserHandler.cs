using Cases.Domain.Access;
using Cases.Domain.Access.Rules;
using Cases.Domain.Common;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Access.CreateUser;

public sealed class CreateUserHandler(UserAccounts accounts, CasesDbContext database, KnownCentreCodes centres, ICurrentActor currentActor)
    : IRequestHandler<CreateUserCommand, UserView>
{
    public async Task<UserView> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.CentreAdmin, Role.SystemAdmin], "Creating an account");
        var roles = command.Roles!.Distinct().ToList();
        BusinessRules.Check(
            new CentreAdministratorMustManageOnlyTheirOwnCentreRule(currentActor.Scope, roles, command.Centre),
            new StaffMustBelongToACentreRule(roles, command.Centre),
            new SystemAdministratorMustNotBelongToACentreRule(roles, command.Centre),
            new StaffMustNotHoldTheEnterpriseRoleRule(roles));
        if (command.Centre is { } centre && (await centres.UnknownAmongAsync(database, [centre], cancellationToken)).Count > 0)
        {
            throw new NotFoundException("Centre", centre.Value);
        }

        var user = await accounts.CreateAsync(command.UserName!, command.DisplayName!.Trim(), command.Password!, roles, command.Centre, enterpriseId: null);
        return new UserView(user.Id, user.UserName!, user.DisplayName, roles.Order().ToList(), user.Centre?.Value, null, user.CreatedAt, null);
    }
}
