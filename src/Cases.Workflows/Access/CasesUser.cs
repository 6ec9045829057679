using Cases.Domain.Centres;
using Microsoft.AspNetCore.Identity;

namespace Cases.Workflows.Access;

/// <summary>
/// A person who signs in to Cases (用户): staff of one centre, a user of one key enterprise, or a
/// system administrator, who belongs to neither. Identity keeps the password hash, lockout and
/// roles; this adds where the person belongs.
/// </summary>
public sealed class CasesUser : IdentityUser<Guid>
{
    /// <summary>The centre whose staff the user is (所属中心), for staff.</summary>
    public CentreCode? Centre { get; set; }

    /// <summary>The enterprise the user acts for (所属企业), for enterprise users.</summary>
    public Guid? EnterpriseId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
