using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Domain.Regions;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Centres.RegisterCentre;

public sealed class RegisterCentreHandler(CasesDbContext database, ICurrentActor currentActor, TimeProvider time) : IRequestHandler<RegisterCentreCommand, CentreView>
{
    public async Task<CentreView> Handle(RegisterCentreCommand command, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.SystemAdmin], "Registering a centre");
        var code = command.Code!.Value;
        if (await database.Centres.AnyAsync(centre => centre.Code == code, cancellationToken))
        {
            throw new ConflictException($"A centre with the code '{code}' is already registered.");
        }

        var centre = ProtectionCentre.Register(code, Region.FromCode(command.Region!), command.Name!, time.GetUtcNow());
        database.Centres.Add(centre);
        return CentreView.From(centre);
    }
}
