using System.Text.Json.Serialization;
using MediatR;

namespace Cases.Workflows.Access.IssueAccessToken;

/// <summary>
/// Signs in with a username and password and issues a session bearer token for the API (登录).
/// Not an <see cref="Pipeline.ICommand"/>: a failed attempt must commit its lockout count and
/// audit entry rather than roll back with the failure.
/// </summary>
public sealed record IssueAccessTokenCommand(string? Username, string? Password) : IRequest<IssuedAccessToken>
{
    /// <summary>The password never appears in logs or exception messages.</summary>
    public override string ToString() => $"{nameof(IssueAccessTokenCommand)} {{ Username = {Username} }}";
}

/// <summary>The token response in the OAuth 2.0 shape (RFC 6749 §5.1).</summary>
public sealed record IssuedAccessToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
