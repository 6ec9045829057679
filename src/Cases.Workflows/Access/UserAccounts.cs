using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace Cases.Workflows.Access;

/// <summary>
/// Creates accounts through Identity (password policy, unique names) for staff and for enterprise
/// users alike, turning Identity's refusals into the API's errors: a weak password or a bad name
/// names its field (400), a taken name is a conflict (409).
/// </summary>
public sealed class UserAccounts(UserManager<CasesUser> users, TimeProvider time)
{
    public async Task<CasesUser> CreateAsync(string userName, string displayName, string password, IReadOnlyCollection<Role> roles, CentreCode? centre, Guid? enterpriseId)
    {
        var user = new CasesUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            Centre = centre,
            EnterpriseId = enterpriseId,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles.Select(role => role.ToString())));
        return user;
    }

    /// <summary>The password policy's verdict on a password for the user, as the same 400 an account creation gives.</summary>
    public async Task RequireAcceptablePasswordAsync(CasesUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, password));
        }
    }

    /// <summary>
    /// Sets a new password without the old one (an administrator's reset): checked first and
    /// written in one update with a new security stamp, so a refused password leaves the account as it was.
    /// </summary>
    public async Task ReplacePasswordAsync(CasesUser user, string password)
    {
        await RequireAcceptablePasswordAsync(user, password);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        Check(await users.UpdateAsync(user));
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new ConflictException(result.Errors.First(error => error.Code == nameof(IdentityErrorDescriber.DuplicateUserName)).Description);
        }

        throw new ValidationException(result.Errors.Select(error => new ValidationFailure(FieldOf(error.Code), error.Description)));
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) ? "email"
        : code.Contains("Role", StringComparison.Ordinal) ? "roles"
        : "userName";
}
