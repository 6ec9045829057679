using System.Security.Cryptography;
using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Workflows.Access;
using Microsoft.AspNetCore.Identity;

namespace Cases.Workflows.Demo;

/// <summary>
/// The demonstration accounts of <c>./cases run --demo</c>: one per staff role at the Guangdong and
/// Hong Kong centres, and the system administrator <c>admin</c>, all with one password. Seeding
/// again sets that password anew (and lifts any lockout), so the password just printed or given
/// always works.
/// </summary>
public sealed class DemoAccounts(UserAccounts accounts, UserManager<CasesUser> users)
{
    /// <summary>The centres with demo staff.</summary>
    public static readonly IReadOnlyList<string> Centres = ["GD", "HK"];

    /// <summary>Staff roles and the name part of their demo accounts (e.g. <c>gd.handler</c>).</summary>
    public static readonly IReadOnlyList<(Role Role, string Name)> StaffRoles =
    [
        (Role.IntakeOfficer, "intake"),
        (Role.CaseHandler, "handler"),
        (Role.Mediator, "mediator"),
        (Role.Arbitrator, "arbitrator"),
        (Role.Supervisor, "supervisor"),
        (Role.CentreAdmin, "centreadmin"),
    ];

    public const string AdministratorName = "admin";

    /// <summary>Every demo staff account's name and roles, the administrator first.</summary>
    public static IEnumerable<(string UserName, string DisplayName, Role Role, CentreCode? Centre)> StaffAccounts()
    {
        yield return (AdministratorName, "System administrator", Role.SystemAdmin, null);
        foreach (var centre in Centres)
        {
            foreach (var (role, name) in StaffRoles)
            {
                yield return ($"{centre.ToLowerInvariant()}.{name}", $"{centre} {role}", role, new CentreCode(centre));
            }
        }
    }

    /// <summary>A password the policy accepts: 20 characters from upper, lower and digits, each present.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string all = upper + lower + digits;
        var characters = new char[20];
        characters[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        characters[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        characters[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var index = 3; index < characters.Length; index++)
        {
            characters[index] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }

    /// <summary>Creates the staff accounts missing, and gives every demo account the password.</summary>
    public async Task<int> SeedStaffAsync(string password)
    {
        await accounts.RequireAcceptablePasswordAsync(new CasesUser { UserName = AdministratorName }, password);
        var created = 0;
        foreach (var (userName, displayName, role, centre) in StaffAccounts())
        {
            created += await EnsureAsync(userName, displayName, [role], centre, enterpriseId: null, password) ? 1 : 0;
        }

        return created;
    }

    /// <summary>Creates the account if missing (true), otherwise sets its password and lifts its lockout (false).</summary>
    public async Task<bool> EnsureAsync(string userName, string displayName, IReadOnlyCollection<Role> roles, CentreCode? centre, Guid? enterpriseId, string password)
    {
        var existing = await users.FindByNameAsync(userName);
        if (existing is null)
        {
            await accounts.CreateAsync(userName, displayName, password, roles, centre, enterpriseId);
            return true;
        }

        await accounts.ReplacePasswordAsync(existing, password);
        await users.SetLockoutEndDateAsync(existing, null);
        await users.ResetAccessFailedCountAsync(existing);
        return false;
    }
}
