using Cases.Domain.Cases;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Engine.Catalog;

/// <summary>
/// Every workflow definition the application runs, each version kept for the cases pinned to it.
/// Built once at start-up; the application refuses to start if any definition breaks a check, if
/// two share an id and version, or if a kind of case has no workflow (or more than one) to start on.
/// </summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<WorkflowPin, WorkflowDefinition> byPin;
    private readonly Dictionary<CaseKind, WorkflowDefinition> forNewCases;

    public WorkflowCatalog(IEnumerable<IWorkflowDefinitionSource> sources)
    {
        var problems = new List<string>();
        var definitions = new List<WorkflowDefinition>();
        foreach (var builder in sources.SelectMany(source => source.Versions()))
        {
            try
            {
                definitions.Add(builder.Build());
            }
            catch (InvalidWorkflowDefinitionException invalid)
            {
                problems.AddRange(invalid.Problems.Select(problem => $"{invalid.Definition}: {problem}"));
            }
        }

        foreach (var duplicate in definitions.GroupBy(definition => definition.Pin).Where(group => group.Count() > 1))
        {
            problems.Add($"{duplicate.Key} is defined {duplicate.Count()} times.");
        }

        var latest = definitions.GroupBy(definition => definition.Id).Select(group => group.MaxBy(definition => definition.Version)!).ToList();
        forNewCases = [];
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            var serving = latest.Where(definition => definition.Kinds.Contains(kind)).ToList();
            if (serving.Count == 1)
            {
                forNewCases[kind] = serving[0];
            }
            else
            {
                problems.Add(serving.Count == 0
                    ? $"No workflow's latest version serves cases of kind {kind}: filing one would have no pipeline to start."
                    : $"Cases of kind {kind} are served by {string.Join(" and ", serving)}; exactly one workflow may serve a kind.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidWorkflowDefinitionException("catalog", problems);
        }

        byPin = definitions.ToDictionary(definition => definition.Pin);
        All = [.. definitions.OrderBy(definition => definition.Id, StringComparer.Ordinal).ThenBy(definition => definition.Version)];
    }

    /// <summary>Every definition, by id then version.</summary>
    public IReadOnlyList<WorkflowDefinition> All { get; }

    /// <summary>The latest version of the workflow serving a kind: what a newly filed case starts on.</summary>
    public WorkflowDefinition ForNewCase(CaseKind kind) => forNewCases[kind];

    public bool TryGet(WorkflowPin pin, out WorkflowDefinition definition) => byPin.TryGetValue(pin, out definition!);

    /// <summary>The definition a case is pinned to.</summary>
    /// <exception cref="NotFoundException">No such definition; start-up checks make this impossible for stored cases.</exception>
    public WorkflowDefinition Get(WorkflowPin pin) =>
        byPin.TryGetValue(pin, out var definition) ? definition : throw new NotFoundException("Workflow", pin.ToString());
}
