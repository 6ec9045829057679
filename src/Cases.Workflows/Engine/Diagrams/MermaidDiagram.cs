using System.Globalization;
using System.Text;
using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Engine.Diagrams;

/// <summary>
/// Writes a workflow definition as Mermaid <c>stateDiagram-v2</c> text, for Markdown, wikis and
/// issue trackers that draw Mermaid. Each state is labelled with its English and Chinese names and
/// each transition with its action; actions that leave a case where it is are listed in one note
/// per state rather than drawn as self-loops. A highlight marks the current state and the states
/// the case passed through (Mermaid cannot style single transitions reliably).
/// </summary>
public static class MermaidDiagram
{
    // Mermaid's state-diagram lexer is case-insensitive, so a state named e.g. "Note" or "State"
    // would be read as a keyword; such names get a suffix in the diagram's ids.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "state", "note", "end", "class", "classDef", "style", "direction", "as", "hide", "scale", "click", "accTitle", "accDescr", "left", "right", "of",
    };

    /// <summary>The diagram's Mermaid text, lines ending in "\n"; the same definition and highlight always give the same text.</summary>
    public static string Render(WorkflowDefinition definition, DiagramHighlight? highlight = null)
    {
        var text = new StringBuilder();

        // YAML front matter: Mermaid shows the title above the diagram. Single quotes need no escaping but doubling.
        var title = $"{definition.Name} {definition.ChineseName} ({definition})";
        Append(text, "---");
        Append(text, $"title: '{OneLine(title).Replace("'", "''", StringComparison.Ordinal)}'");
        Append(text, "---");
        Append(text, "stateDiagram-v2");

        foreach (var state in definition.States)
        {
            Append(text, $"    state \"{Label($"{state.Name} {state.ChineseName}")}\" as {Id(state.Name)}");
        }

        Append(text, $"    [*] --> {Id(definition.Initial.Name)}");
        foreach (var transition in definition.Transitions.Where(transition => !transition.StaysInPlace))
        {
            foreach (var from in transition.From)
            {
                Append(text, $"    {Id(from)} --> {Id(transition.To!)} : {Label($"{transition.Action} {transition.ChineseName}")}");
            }
        }

        foreach (var state in definition.States.Where(state => state.Kind == StateKind.Terminal))
        {
            Append(text, $"    {Id(state.Name)} --> [*]");
        }

        foreach (var state in definition.States)
        {
            var inPlace = definition.TransitionsFrom(state.Name).Where(transition => transition.StaysInPlace).ToList();
            if (inPlace.Count == 0)
            {
                continue;
            }

            Append(text, $"    note right of {Id(state.Name)}");
            foreach (var transition in inPlace)
            {
                // The arrow also keeps a line from reading "end note", which would close the note early.
                Append(text, $"        ↻ {Label($"{transition.Action} {transition.ChineseName}")}");
            }

            Append(text, "    end note");
        }

        if (highlight is not null)
        {
            AppendHighlight(text, definition, highlight);
        }

        return text.ToString();
    }

    private static void AppendHighlight(StringBuilder text, WorkflowDefinition definition, DiagramHighlight highlight)
    {
        // No trailing semicolons: Mermaid would take "#fff;" for an entity code.
        Append(text, "    classDef current fill:#1d4ed8,color:#ffffff,stroke:#1e3a8a,stroke-width:3px");
        Append(text, "    classDef visited fill:#dbeafe,color:#1e3a8a,stroke:#1d4ed8");
        var visited = definition.States.Where(state => highlight.Visited(state.Name)).Select(state => Id(state.Name)).ToList();
        if (visited.Count > 0)
        {
            Append(text, $"    class {string.Join(',', visited)} visited");
        }

        if (definition.TryGetState(highlight.CurrentState, out var current))
        {
            Append(text, $"    class {Id(current.Name)} current");
        }
    }

    /// <summary>A state's id in the diagram: its name, which the definition checks keep to letters and digits.</summary>
    private static string Id(string stateName)
    {
        var id = new string(stateName.Where(char.IsAsciiLetterOrDigit).ToArray());
        return Keywords.Contains(id) ? id + "_" : id;
    }

    /// <summary>
    /// Label text with the characters that end or confuse a Mermaid label (quotes, colons,
    /// semicolons, '#', brackets, '&lt;', '&amp;') written as Mermaid entity codes such as <c>#34;</c>,
    /// which Mermaid draws as the character itself.
    /// </summary>
    private static string Label(string text)
    {
        var label = new StringBuilder();
        foreach (var character in OneLine(text))
        {
            if ("\"#:;<>&{}[]|\\%`".Contains(character, StringComparison.Ordinal))
            {
                label.Append('#').Append(((int)character).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                label.Append(character);
            }
        }

        return label.ToString();
    }

    private static string OneLine(string text) =>
        new(text.Select(character => char.IsControl(character) ? ' ' : character).ToArray());

    // Always "\n", whatever the platform, so the same definition gives the same text everywhere.
    private static void Append(StringBuilder text, string line) => text.Append(line).Append('\n');
}
