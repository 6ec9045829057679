using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Access.CreatePersonalAccessToken;

/// <summary>
/// Creates a long-lived personal access token (个人访问令牌) for an enterprise's own systems to
/// use the direct channel (直通车) API. The token is returned once and stored only as a hash.
/// </summary>
public sealed record CreatePersonalAccessTokenCommand(string? Name, int? ExpiresInDays = null) : ICommand<PersonalAccessTokenCreated>;

/// <summary>The new token, shown this once, and its listing.</summary>
public sealed record PersonalAccessTokenCreated(string Token, PersonalAccessTokenView Details);

/// <summary>A personal access token as listed: never the token itself.</summary>
public sealed record PersonalAccessTokenView(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static PersonalAccessTokenView From(AccessToken token, string createdBy) =>
        new(token.Id, token.Name, token.Prefix, createdBy, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.RevokedBy);
}
