using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Enterprises.GetKeyEnterprise;

/// <summary>One key enterprise, if the caller may see it.</summary>
public sealed record GetKeyEnterpriseQuery(Guid EnterpriseId) : IQuery<KeyEnterpriseView>;
