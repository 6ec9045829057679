using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Access.ListPersonalAccessTokens;

/// <summary>The personal access tokens of the caller's enterprise, newest first, revoked ones included.</summary>
public sealed record ListPersonalAccessTokensQuery : IQuery<IReadOnlyList<PersonalAccessTokenView>>;
