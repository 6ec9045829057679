namespace Cases.Workflows.Engine.Definitions;

/// <summary>A definition breaks one or more checks; the application refuses to start with it.</summary>
public sealed class InvalidWorkflowDefinitionException(string definition, IReadOnlyList<string> problems)
    : Exception($"Workflow definition {definition} is invalid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}")
{
    public string Definition { get; } = definition;

    public IReadOnlyList<string> Problems { get; } = problems;
}
