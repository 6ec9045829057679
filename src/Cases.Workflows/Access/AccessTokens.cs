using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Workflows.Persistence;
using Npgsql;

namespace Cases.Workflows.Access;

/// <summary>
/// Issues bearer tokens and recognises them. A token is 32 random bytes behind a readable prefix
/// (<c>cs_</c> for a session, <c>cpat_</c> for a personal access token); only its SHA-256 hash is
/// stored, so a copy of the database holds no usable token. Each request looks its token up: a
/// revoked token or an enterprise no longer on the direct channel stop working on the next request,
/// on every node. Sign-in lockout does not touch tokens already issued: it slows password guessing,
/// and if it voided tokens, anyone could cut an enterprise's integration off by mistyping its
/// user's password five times.
/// </summary>
public sealed class AccessTokens(CasesDbContext database, NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string SessionPrefix = "cs_";
    public const string PersonalPrefix = "cpat_";

    /// <summary>How long a session token from <c>POST /api/auth/token</c> lasts.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Adds a new token of the user to the unit of work; the caller saves it. Returns the token itself, shown once.</summary>
    public (AccessToken Token, string Secret) Issue(Guid userId, AccessTokenKind kind, string name, Guid? enterpriseId, DateTimeOffset expiresAt)
    {
        var secret = (kind == AccessTokenKind.Session ? SessionPrefix : PersonalPrefix) + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new AccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Kind = kind,
            Name = name,
            Prefix = secret[..(secret.IndexOf('_', StringComparison.Ordinal) + 7)],
            Hash = HashOf(secret),
            EnterpriseId = enterpriseId,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        database.AccessTokens.Add(token);
        return (token, secret);
    }

    /// <summary>The caller a presented token stands for, or null when it is unknown, expired, revoked, or its user may no longer act.</summary>
    public async Task<TokenCaller?> RecogniseAsync(string presented, CancellationToken cancellationToken)
    {
        if (!presented.StartsWith(SessionPrefix, StringComparison.Ordinal) && !presented.StartsWith(PersonalPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(
            """
            SELECT t.id, t.kind, t.enterprise_id, u.id, u.user_name, u.centre, u.enterprise_id,
                   coalesce(array_agg(r.name) FILTER (WHERE r.name IS NOT NULL), '{}')
            FROM access_tokens t
            JOIN users u ON u.id = t.user_id
            -- An enterprise withdrawn from the direct channel: its users' tokens stop with it.
            LEFT JOIN enterprises e ON e.id = u.enterprise_id
            LEFT JOIN user_roles ur ON ur.user_id = u.id
            LEFT JOIN roles r ON r.id = ur.role_id
            WHERE t.hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2
              AND (u.enterprise_id IS NULL OR e.status = 'Active')
            GROUP BY t.id, u.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = HashOf(presented) });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var kind = Enum.Parse<AccessTokenKind>(reader.GetString(1));
        Guid? tokenEnterprise = reader.IsDBNull(2) ? null : reader.GetGuid(2);
        Guid? userEnterprise = reader.IsDBNull(6) ? null : reader.GetGuid(6);
        if (kind == AccessTokenKind.Personal && tokenEnterprise != userEnterprise)
        {
            // The user moved to another enterprise, or left it: the enterprise's token is void.
            return null;
        }

        var roles = reader.GetFieldValue<string[]>(7)
            .Select(name => Enum.TryParse<Role>(name, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .Where(role => kind == AccessTokenKind.Session || role == Role.EnterpriseUser)
            .ToHashSet();
        return new TokenCaller(
            reader.GetGuid(0),
            kind,
            reader.GetGuid(3),
            reader.GetString(4),
            roles,
            reader.IsDBNull(5) ? null : new CentreCode(reader.GetString(5)),
            kind == AccessTokenKind.Personal ? tokenEnterprise : userEnterprise);
    }

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

/// <summary>Who a recognised token stands for. A personal access token carries only the EnterpriseUser role, limited to its enterprise.</summary>
public sealed record TokenCaller(Guid TokenId, AccessTokenKind Kind, Guid UserId, string UserName, IReadOnlySet<Role> Roles, CentreCode? Centre, Guid? EnterpriseId);
