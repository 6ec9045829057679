using System.Xml.Linq;
using Cases.Api.Web;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Diagrams;
using Cases.Workflows.Pipelines;

namespace Cases.Api.Tests.Web;

/// <summary>A diagram put inline in a page keeps all of its drawing and nothing that could run, style or link elsewhere.</summary>
public sealed class InlineSvgTests
{
    [Fact]
    public void Every_workflow_diagram_is_inlined_whole_and_named()
    {
        var catalog = new WorkflowCatalog([new FastTrackPreExaminationWorkflow(), new RightsDefenceWorkflow(), new MediationArbitrationWorkflow()]);
        foreach (var definition in catalog.All)
        {
            var drawn = XElement.Parse(SvgDiagram.Render(definition));

            var inlined = XElement.Parse(InlineSvg.Of(SvgDiagram.Render(definition), "名称").ToString()!);

            Assert.Equal(drawn.DescendantsAndSelf().Count(), inlined.DescendantsAndSelf().Count());
            Assert.Equal(
                drawn.DescendantsAndSelf().Attributes().Count(attribute => attribute.Name.LocalName is not ("role" or "aria-label")),
                inlined.DescendantsAndSelf().Attributes().Count(attribute => attribute.Name.LocalName is not ("role" or "aria-label")));
            Assert.Equal(("img", "名称"), ((string?)inlined.Attribute("role"), (string?)inlined.Attribute("aria-label")));
        }
    }

    [Fact]
    public void Script_styles_handlers_and_outside_links_are_dropped()
    {
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)" style="fill:red">
              <script>alert(2)</script><style>rect{fill:red}</style>
              <foreignObject><div>x</div></foreignObject>
              <a href="https://evil.example"><rect width="1" height="1"/></a>
              <set attributeName="href" to="javascript:alert(3)"/>
              <path d="M0 0" marker-end="url(https://evil.example/m)" onclick="alert(4)"/>
              <path d="M1 1" marker-end="url(#arrow)" class="edge"/>
              <text x="1" y="1">名称</text>
            </svg>
            """;

        var inlined = InlineSvg.Of(svg, "diagram").ToString()!;

        foreach (var banned in new[] { "script", "style", "onload", "onclick", "foreignObject", "evil.example", "<a ", "<set", "javascript" })
        {
            Assert.DoesNotContain(banned, inlined, StringComparison.Ordinal);
        }

        Assert.Contains("url(#arrow)", inlined, StringComparison.Ordinal);
        Assert.Contains("名称", inlined, StringComparison.Ordinal);
    }
}
