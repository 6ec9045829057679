using Cases.Domain.Access;
using Cases.Domain.Enterprises;
using Cases.Workflows.Cases;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Enterprises.RegisterKeyEnterprise;

public sealed class RegisterKeyEnterpriseHandler(CasesDbContext database, CaseAccess access, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<RegisterKeyEnterpriseCommand, KeyEnterpriseView>
{
    public async Task<KeyEnterpriseView> Handle(RegisterKeyEnterpriseCommand command, CancellationToken cancellationToken)
    {
        // The centre's administrator or supervisor registers for their own centre; a system administrator for any.
        currentActor.Require([Role.CentreAdmin, Role.Supervisor, Role.SystemAdmin], "Registering a key enterprise");
        var centre = command.Centre!.Value;
        access.EnsureCentreInScope(centre);
        if (!await database.Centres.AnyAsync(candidate => candidate.Code == centre, cancellationToken))
        {
            throw new NotFoundException("Centre", centre.Value);
        }

        var enterprise = KeyEnterprise.Register(
            EnterpriseId.New(),
            new KeyEnterpriseDetails(command.Name!, command.UnifiedSocialCreditCode!, command.HighTechEnterprise!.Value, command.HighTechCertificateNumber, command.PatentsAndTrademarks!.Value),
            centre,
            currentActor.Actor,
            time.GetUtcNow());
        // Once per enterprise across the 9+2: it uses the direct channel of the one centre that registered it.
        if (await database.Enterprises.AnyAsync(candidate => candidate.UnifiedSocialCreditCode == enterprise.UnifiedSocialCreditCode, cancellationToken))
        {
            throw new ConflictException($"The enterprise with the unified social credit code {enterprise.UnifiedSocialCreditCode} is already registered.");
        }

        database.Enterprises.Add(enterprise);
        return KeyEnterpriseView.From(enterprise);
    }
}
