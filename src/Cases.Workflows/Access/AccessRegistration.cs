using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Access.IssueAccessToken;
using Cases.Workflows.Access.ListPersonalAccessTokens;
using Cases.Workflows.Access.ListUsers;
using Cases.Workflows.Access.RevokePersonalAccessToken;
using Cases.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Access;

public static class AccessRegistration
{
    /// <summary>At least this long; length resists guessing better than required symbols do (NIST SP 800-63B).</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed attempts in a row before an account is locked, and for how long.</summary>
    public const int MaximumFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Accounts (ASP.NET Core Identity on the Cases database), tokens and their use cases.</summary>
    public static IServiceCollection AddCasesAccess(this IServiceCollection services)
    {
        services.AddIdentityCore<CasesUser>(options =>
            {
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaximumFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CasesDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CasesUserClaimsPrincipalFactory>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<UserAccounts>();

        services.AddUseCase<IssueAccessTokenCommand, IssuedAccessToken, IssueAccessTokenHandler, IssueAccessTokenValidator>();
        services.AddUseCase<CreatePersonalAccessTokenCommand, PersonalAccessTokenCreated, CreatePersonalAccessTokenHandler, CreatePersonalAccessTokenValidator>();
        services.AddUseCase<ListPersonalAccessTokensQuery, IReadOnlyList<PersonalAccessTokenView>, ListPersonalAccessTokensHandler>();
        services.AddUseCase<RevokePersonalAccessTokenCommand, PersonalAccessTokenView, RevokePersonalAccessTokenHandler, RevokePersonalAccessTokenValidator>();
        services.AddUseCase<CreateUserCommand, UserView, CreateUserHandler, CreateUserValidator>();
        services.AddUseCase<ListUsersQuery, IReadOnlyList<UserView>, ListUsersHandler>();
        return services;
    }
}
