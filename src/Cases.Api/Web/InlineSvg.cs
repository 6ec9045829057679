using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Cases.Api.Web;

/// <summary>
/// An SVG drawing of ours (a workflow diagram) as markup to put inline in a page, named in the
/// reader's language. It is parsed again and only the elements and attributes a drawing needs are
/// kept (an allow-list, not a list of known-bad ones), so inlining it can never bring script,
/// styles the page's Content-Security-Policy would refuse, or links to elsewhere into a page.
/// </summary>
public static class InlineSvg
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "marker", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "d", "points",
        "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity",
        "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline",
        "marker-end", "marker-start", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
        "id", "class", "role", "aria-label", "aria-current", "aria-hidden",
        "data-state", "data-action", "data-from", "data-to", "xmlns",
    };

    public static IHtmlContent Of(string svg, string label)
    {
        var root = XElement.Parse(svg);
        root.DescendantsAndSelf().Where(element => !Elements.Contains(element.Name.LocalName)).ToList().ForEach(element => element.Remove());
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Attributes()
                .Where(attribute => !attribute.IsNamespaceDeclaration && !Attributes.Contains(attribute.Name.LocalName))
                .ToList()
                .ForEach(attribute => attribute.Remove());
            // A reference may only point inside the drawing (e.g. its arrow-head marker).
            foreach (var reference in element.Attributes().Where(attribute => attribute.Name.LocalName.StartsWith("marker-", StringComparison.Ordinal)).ToList())
            {
                if (!reference.Value.StartsWith("url(#", StringComparison.Ordinal))
                {
                    reference.Remove();
                }
            }
        }

        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", label);
        return new HtmlString(root.ToString(SaveOptions.DisableFormatting));
    }
}
