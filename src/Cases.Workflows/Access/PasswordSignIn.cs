using Cases.Domain.Enterprises;
using Cases.Workflows.Audit;
using Cases.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Access;

/// <summary>
/// Checks a username and password for either kind of sign-in (cookie or token), with lockout, and
/// records the attempt in the audit log whatever its outcome. It runs outside any command
/// transaction on purpose: a failed attempt must still count towards lockout and stay in the log.
/// </summary>
public sealed class PasswordSignIn(UserManager<CasesUser> users, SignInManager<CasesUser> signIn, CasesDbContext database, IAuditTrail audit, IRequestOrigin origin)
{
    /// <summary>A hash to check unknown usernames against, so that they take as long as known ones.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<CasesUser>().HashPassword(new CasesUser(), Guid.NewGuid().ToString()));

    /// <exception cref="SignInFailedException">Unknown user, wrong password, locked out, or a user of an enterprise withdrawn from the direct channel.</exception>
    public async Task<CasesUser> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new CasesUser(), DecoyHash.Value, password);
            await FailedAsync(userName, null, "unknown user", cancellationToken);
        }

        var result = await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await FailedAsync(user!.UserName!, user.Id, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password", cancellationToken);
        }

        // A withdrawn enterprise's users are refused like a wrong password: the answer reveals no account.
        if (user!.EnterpriseId is { } enterprise
            && !await database.Enterprises.AnyAsync(candidate => candidate.Id == new EnterpriseId(enterprise) && candidate.Status == KeyEnterpriseStatus.Active, cancellationToken))
        {
            await FailedAsync(user.UserName!, user.Id, "enterprise withdrawn from the direct channel", cancellationToken);
        }

        await audit.AppendAsync(new AuditRecord(AuditKind.SignIn, user!.UserName!, user.Id, origin.SourceAddress, $"user:{user.Id}", "Signed in"), cancellationToken);
        return user;
    }

    private async Task FailedAsync(string userName, Guid? userId, string why, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditRecord(AuditKind.SignInFailed, userName, userId, origin.SourceAddress, userId is null ? null : $"user:{userId}", $"Sign-in failed: {why}"), cancellationToken);
        throw new SignInFailedException();
    }
}
