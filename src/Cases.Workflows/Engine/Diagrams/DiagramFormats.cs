using Cases.Workflows.Engine.Definitions;

namespace Cases.Workflows.Engine.Diagrams;

/// <summary>The formats a workflow diagram is served in, and the one rendering entry point for both.</summary>
public static class DiagramFormats
{
    public const string Svg = "svg";

    public const string Mermaid = "mermaid";

    public static IReadOnlyList<string> All { get; } = [Svg, Mermaid];

    public static RenderedDiagram Render(WorkflowDefinition definition, string? format, DiagramHighlight? highlight) =>
        format == Mermaid
            ? new RenderedDiagram("text/plain; charset=utf-8", MermaidDiagram.Render(definition, highlight))
            : new RenderedDiagram("image/svg+xml; charset=utf-8", SvgDiagram.Render(definition, highlight));
}

/// <summary>A diagram as text, with the content type to serve it under.</summary>
public sealed record RenderedDiagram(string ContentType, string Content);
