using MediatR;

namespace Cases.Workflows.Enterprises.GetKeyEnterprise;

public sealed class GetKeyEnterpriseHandler(KeyEnterpriseAccess access) : IRequestHandler<GetKeyEnterpriseQuery, KeyEnterpriseView>
{
    public async Task<KeyEnterpriseView> Handle(GetKeyEnterpriseQuery query, CancellationToken cancellationToken) =>
        KeyEnterpriseView.From(await access.EnterpriseAsync(query.EnterpriseId, forChange: false, cancellationToken));
}
