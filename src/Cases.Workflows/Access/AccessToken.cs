namespace Cases.Workflows.Access;

/// <summary>
/// A bearer token (访问令牌): a session token from <c>POST /api/auth/token</c>, short-lived, or a
/// personal access token of an enterprise integration, long-lived and scoped to the enterprise.
/// Only the SHA-256 hash of the token is stored; the token itself is shown once.
/// </summary>
public sealed class AccessToken
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public AccessTokenKind Kind { get; init; }

    /// <summary>What the holder called it, for personal access tokens (e.g. "ERP integration").</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The first characters of the token, to recognise it in a list without revealing it.</summary>
    public string Prefix { get; init; } = string.Empty;

    public byte[] Hash { get; init; } = [];

    /// <summary>The enterprise a personal access token is limited to.</summary>
    public Guid? EnterpriseId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}

public enum AccessTokenKind
{
    /// <summary>Issued at sign-in for the API; expires within hours.</summary>
    Session = 1,

    /// <summary>A personal access token (个人访问令牌) for an enterprise's own systems.</summary>
    Personal = 2,
}
