using MediatR;

namespace Cases.Workflows.Cases.GetCase;

public sealed class GetCaseHandler(CaseAccess access, CaseAudience audience) : IRequestHandler<GetCaseQuery, AudienceCaseView>
{
    public async Task<AudienceCaseView> Handle(GetCaseQuery query, CancellationToken cancellationToken) =>
        await audience.ViewAsync(await access.CaseToReadAsync(query.CaseId, cancellationToken), cancellationToken);
}
