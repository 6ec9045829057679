namespace Cases.Domain.Cases;

/// <summary>
/// The workflow definition and version a case runs on (适用流程版本). A case keeps the version it
/// started on until an administrator migrates it explicitly.
/// </summary>
public readonly record struct WorkflowPin(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}
