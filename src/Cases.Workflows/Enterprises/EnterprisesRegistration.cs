using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Enterprises.CreateEnterpriseUser;
using Cases.Workflows.Enterprises.GetKeyEnterprise;
using Cases.Workflows.Enterprises.ListEnterpriseUsers;
using Cases.Workflows.Enterprises.ListKeyEnterprises;
using Cases.Workflows.Enterprises.RegisterKeyEnterprise;
using Cases.Workflows.Enterprises.WithdrawKeyEnterprise;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Enterprises;

public static class EnterprisesRegistration
{
    /// <summary>Key enterprises on the direct channel (直通车) and their users.</summary>
    public static IServiceCollection AddCasesEnterprises(this IServiceCollection services)
    {
        services.AddScoped<KeyEnterpriseAccess>();

        services.AddUseCase<RegisterKeyEnterpriseCommand, KeyEnterpriseView, RegisterKeyEnterpriseHandler, RegisterKeyEnterpriseValidator>();
        services.AddUseCase<ListKeyEnterprisesQuery, IReadOnlyList<KeyEnterpriseView>, ListKeyEnterprisesHandler>();
        services.AddUseCase<GetKeyEnterpriseQuery, KeyEnterpriseView, GetKeyEnterpriseHandler>();
        services.AddUseCase<WithdrawKeyEnterpriseCommand, KeyEnterpriseView, WithdrawKeyEnterpriseHandler, WithdrawKeyEnterpriseValidator>();
        services.AddUseCase<CreateEnterpriseUserCommand, UserView, CreateEnterpriseUserHandler, CreateEnterpriseUserValidator>();
        services.AddUseCase<ListEnterpriseUsersQuery, IReadOnlyList<UserView>, ListEnterpriseUsersHandler>();
        return services;
    }
}
