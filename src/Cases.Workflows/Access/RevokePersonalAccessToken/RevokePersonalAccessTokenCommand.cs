using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Access.RevokePersonalAccessToken;

/// <summary>Revokes one of the enterprise's personal access tokens (吊销令牌): it stops working on the next request.</summary>
public sealed record RevokePersonalAccessTokenCommand(Guid TokenId) : ICommand<PersonalAccessTokenView>;
