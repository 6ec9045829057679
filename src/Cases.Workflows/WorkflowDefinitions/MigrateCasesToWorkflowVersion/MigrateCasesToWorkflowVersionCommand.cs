using Cases.Workflows.Pipeline;

namespace Cases.Workflows.WorkflowDefinitions.MigrateCasesToWorkflowVersion;

/// <summary>
/// Moves a workflow's running cases from one version to another (流程版本迁移): an explicit
/// administrative command with a mapping from every old state in use to a state of the new
/// version. <see cref="DryRun"/> lists every case and what would change, and changes nothing.
/// Terminal cases stay on the version they finished on.
/// </summary>
public sealed record MigrateCasesToWorkflowVersionCommand(
    string WorkflowId,
    int? FromVersion,
    int? ToVersion,
    IReadOnlyDictionary<string, string>? StateMapping,
    bool DryRun,
    string? Reason) : ICommand<WorkflowMigrationReport>;

/// <summary>What a migration did, or would do: each running case with its old and new state, and the states left unmapped.</summary>
public sealed record WorkflowMigrationReport(
    string WorkflowId,
    int FromVersion,
    int ToVersion,
    bool DryRun,
    bool Applied,
    IReadOnlyList<CaseMigrationView> Cases,
    IReadOnlyList<UnmappedStateView> UnmappedStates);

/// <summary>One running case: its state now and in the new version, and the clocks the migration stops because the new version does not know them.</summary>
public sealed record CaseMigrationView(Guid Id, string Number, string FromState, string? ToState, int Version, IReadOnlyList<string> ClocksStopped);

/// <summary>A state that running cases are in but the mapping does not name (or names a state the new version lacks).</summary>
public sealed record UnmappedStateView(string State, int Cases, string Problem);
