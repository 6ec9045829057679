using Cases.Domain.Access;
using Cases.Workflows.Pipeline;
using MediatR;

namespace Cases.Workflows.Enterprises.WithdrawKeyEnterprise;

public sealed class WithdrawKeyEnterpriseHandler(KeyEnterpriseAccess access, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<WithdrawKeyEnterpriseCommand, KeyEnterpriseView>
{
    public async Task<KeyEnterpriseView> Handle(WithdrawKeyEnterpriseCommand command, CancellationToken cancellationToken)
    {
        // Outside the caller's scope is not found, before the role check.
        var enterprise = await access.EnterpriseAsync(command.EnterpriseId, forChange: true, cancellationToken);
        currentActor.Require([Role.CentreAdmin, Role.Supervisor, Role.SystemAdmin], "Withdrawing a key enterprise from the direct channel");
        if (command.ExpectedVersion is { } expected && expected != enterprise.Version)
        {
            throw new ConflictException($"The enterprise is at version {enterprise.Version}, not {expected}: it changed meanwhile.");
        }

        enterprise.WithdrawFromDirectChannel(command.Reason!, currentActor.Actor, time.GetUtcNow());
        return KeyEnterpriseView.From(enterprise);
    }
}
