using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Enterprises.WithdrawKeyEnterprise;

/// <summary>
/// Takes a key enterprise off the direct channel (退出直通车), saying why: its users' sign-ins and
/// personal access tokens stop working at once; its cases stay with the centre.
/// </summary>
public sealed record WithdrawKeyEnterpriseCommand(Guid EnterpriseId, string? Reason, int? ExpectedVersion) : ICommand<KeyEnterpriseView>;
