using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Enterprises.ListKeyEnterprises;

/// <summary>The key enterprises the caller may see (重点企业名录): a centre's own, all, or the caller's enterprise.</summary>
public sealed record ListKeyEnterprisesQuery : IQuery<IReadOnlyList<KeyEnterpriseView>>;
