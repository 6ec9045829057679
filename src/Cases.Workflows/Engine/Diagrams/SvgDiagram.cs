using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Cases.Workflows.Engine.Definitions;
using Point = (double X, double Y);

namespace Cases.Workflows.Engine.Diagrams;

/// <summary>
/// Draws a workflow definition as a standalone SVG image, with no outside library.
/// <para>
/// States stand in rows by their distance from the initial state (in definition order within a
/// row). A transition to the next row is a straight arrow across the gap between the rows; one
/// within a row turns under the row; any other (back to an earlier row, or skipping rows) runs in
/// its own lane down the nearer side of the diagram. Arrows only run in the gaps between rows and
/// beside the rows, so none crosses a state. Actions that leave a case where it is are listed once
/// in a legend and counted (↻) on their states instead of being drawn as loops.
/// </para>
/// <para>
/// A highlight fills the current state (<c>class="current"</c>, <c>aria-current="step"</c>), tints
/// the states the case passed through (<c>visited</c>) and draws the transitions it took in bold
/// (<c>taken</c>). The same definition and highlight always give the same bytes.
/// </para>
/// </summary>
public static class SvgDiagram
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string FontFamily = "system-ui, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
    private const double NameSize = 13;
    private const double LabelSize = 11;
    private const double HeadingSize = 16;
    private const double Padding = 20;
    private const double HeadingHeight = 40;
    private const double BoxHeight = 46;
    private const double BoxPadding = 14;
    private const double MinimumBoxWidth = 96;
    private const double BadgeWidth = 26;
    private const double ColumnGap = 44;
    private const double StartMarkerRoom = 40;
    private const double MinimumRowGap = 40;

    // A corridor is the gap above or below a row. Each of its lanes carries one turning arrow, with
    // room for a label centred on it; below the lanes, straight arrows' labels go in a few slots.
    private const double LaneSpacing = 18;
    private const int LabelSlots = 3;
    private const double LabelSlotHeight = 18;
    private const double MarginGap = 22;
    private const double MarginLaneSpacing = 14;
    private const double CornerRadius = 6;
    private const double LegendLineHeight = 18;

    private const string Stroke = "#64748b";
    private const string Ink = "#0f172a";
    private const string Muted = "#475569";
    private const string Strong = "#1d4ed8";
    private const string StrongDark = "#1e3a8a";
    private const string Light = "#dbeafe";
    private const string Paper = "#ffffff";

    /// <summary>The diagram as SVG text (no XML declaration), lines ending in "\n".</summary>
    public static string Render(WorkflowDefinition definition, DiagramHighlight? highlight = null)
    {
        var rows = PlaceInRows(definition);
        var boxes = rows.SelectMany(row => row).ToDictionary(box => box.State.Name);
        var contentWidth = PlaceInColumns(rows, boxes[definition.Initial.Name]);
        var edges = definition.Transitions
            .Where(transition => !transition.StaysInPlace)
            .SelectMany(transition => transition.From.Select(from => new Edge(transition, boxes[from], boxes[transition.To!])))
            .ToList();
        var corridors = RouteEdges(edges, rows.Count, contentWidth);
        var (leftLanes, rightLanes) = (MarginLanes(edges, Route.AroundLeft), MarginLanes(edges, Route.AroundRight));
        var leftMargin = leftLanes == 0 ? 0 : MarginGap + (leftLanes * MarginLaneSpacing);
        var rightMargin = rightLanes == 0 ? 0 : MarginGap + (rightLanes * MarginLaneSpacing);
        var diagramWidth = leftMargin + contentWidth + rightMargin;

        var title = $"{definition.Name} {definition.ChineseName} ({definition})";
        var legend = LegendLines(definition, Math.Max(diagramWidth, 420) - 24);
        var legendWidth = legend.Count == 0 ? 0 : legend.Max(line => TextWidth(line.Text, LabelSize) + line.Indent) + 24;
        var width = (2 * Padding) + Math.Max(diagramWidth, Math.Max(legendWidth, TextWidth(title, HeadingSize)));

        // Centre the drawing when the heading or legend is wider than it.
        var boxesLeft = Padding + ((width - (2 * Padding) - diagramWidth) / 2) + leftMargin;
        var boxesRight = boxesLeft + contentWidth;
        var bottom = PlaceVertically(rows, corridors, boxesLeft);
        SpreadAttachments(boxes.Values, edges);
        var legendTop = bottom + 16;
        var height = legend.Count == 0 ? bottom + Padding : legendTop + 34 + (legend.Count * LegendLineHeight) + Padding;

        foreach (var edge in edges)
        {
            edge.Points = Points(edge, corridors, boxesLeft - MarginGap, boxesRight + MarginGap);
        }

        var labels = PlaceLabels(edges, corridors, boxesLeft, boxesRight);
        var current = highlight is not null && boxes.ContainsKey(highlight.CurrentState) ? boxes[highlight.CurrentState] : null;
        var markerId = $"arrow-{definition.Id}-v{definition.Version.ToString(CultureInfo.InvariantCulture)}";
        bool Taken(Edge edge) => highlight?.Took(edge.From.State.Name, edge.Transition.Action, edge.To.State.Name) == true;

        var svg = new XElement(
            Svg + "svg",
            Attribute("width", width),
            Attribute("height", height),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", Clean($"State diagram of {title}" + (current is null ? string.Empty : $"; the case is at {current.State.Name} {current.State.ChineseName}"))),
            new XAttribute("font-family", FontFamily),
            new XElement(Svg + "title", Clean(title)),
            new XElement(Svg + "defs", Marker(markerId, Stroke), Marker(markerId + "-taken", Strong)),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", Paper)),
            Text(Padding, Padding + HeadingSize, title, HeadingSize, Ink, bold: true, anchor: "start"),
            // Taken transitions last, so they are drawn over the others.
            new XElement(Svg + "g", new XAttribute("class", "transitions"), edges.OrderBy(Taken).Select(edge => Transition(edge, Taken(edge), markerId))),
            new XElement(Svg + "g", new XAttribute("class", "transition-labels"), labels.Select(label => TransitionLabel(label, Taken(label.Edge)))),
            new XElement(Svg + "g", new XAttribute("class", "states"), boxes.Values.Select(box => State(definition, box, highlight, markerId))),
            legend.Count == 0 ? null : Legend(legend, Padding, legendTop, width - (2 * Padding), highlight));

        var output = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace };
        using (var writer = XmlWriter.Create(output, settings))
        {
            svg.WriteTo(writer);
        }

        return output.ToString();
    }

    /// <summary>Rows by breadth-first distance from the initial state, states in definition order within a row.</summary>
    private static List<List<Box>> PlaceInRows(WorkflowDefinition definition)
    {
        var layers = new Dictionary<string, int> { [definition.Initial.Name] = 0 };
        var frontier = new Queue<string>([definition.Initial.Name]);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var target in definition.TransitionsFrom(state).Select(transition => transition.To).OfType<string>())
            {
                if (layers.TryAdd(target, layers[state] + 1))
                {
                    frontier.Enqueue(target);
                }
            }
        }

        // The definition checks make every state reachable; an extra last row keeps the drawing whole if one were not.
        var unreached = layers.Values.Max() + 1;
        return definition.States
            .Select(state =>
            {
                var badge = definition.TransitionsFrom(state.Name).Any(transition => transition.StaysInPlace) ? BadgeWidth : 0;
                var text = Math.Max(TextWidth(state.Name, NameSize), TextWidth(state.ChineseName, NameSize));
                return new Box(state, layers.GetValueOrDefault(state.Name, unreached), Math.Max(MinimumBoxWidth, text + (2 * BoxPadding)) + badge, badge);
            })
            .GroupBy(box => box.Layer)
            .OrderBy(row => row.Key)
            .Select(row => row.ToList())
            .ToList();
    }

    /// <summary>Centres each row in the widest one; returns that width. X is relative until <see cref="PlaceVertically"/>.</summary>
    private static double PlaceInColumns(List<List<Box>> rows, Box initial)
    {
        var rowWidths = rows.Select(row => row.Sum(box => box.Width) + (ColumnGap * (row.Count - 1))).ToList();
        var contentWidth = Math.Max(rowWidths.Max(), initial.Width + (2 * StartMarkerRoom));
        for (var index = 0; index < rows.Count; index++)
        {
            var x = (contentWidth - rowWidths[index]) / 2;
            foreach (var box in rows[index])
            {
                box.X = x;
                x += box.Width + ColumnGap;
            }
        }

        return contentWidth;
    }

    /// <summary>Chooses how each edge runs and gives turning edges their lanes; corridor i lies above row i.</summary>
    private static List<Corridor> RouteEdges(List<Edge> edges, int rowCount, double contentWidth)
    {
        var corridors = Enumerable.Range(0, rowCount + 1).Select(index => new Corridor(betweenRows: index > 0 && index < rowCount)).ToList();
        foreach (var edge in edges)
        {
            var below = corridors[edge.From.Layer + 1];
            if (edge.To.Layer == edge.From.Layer + 1)
            {
                edge.Route = Route.Direct;
                below.DirectEdges.Add(edge);
            }
            else if (edge.To.Layer == edge.From.Layer)
            {
                edge.Route = Route.UnderRow;
                edge.ExitLane = below.TakeLane(edge);
            }
            else
            {
                edge.Route = edge.From.CenterX + edge.To.CenterX <= contentWidth ? Route.AroundLeft : Route.AroundRight;
                edge.ExitLane = below.TakeLane(edge);
                edge.EntryLane = corridors[edge.To.Layer].TakeLane(edge);
            }
        }

        return corridors;
    }

    /// <summary>Gives each edge round one side a lane; edges whose vertical runs do not overlap share one. Returns the number of lanes.</summary>
    private static int MarginLanes(List<Edge> edges, Route side)
    {
        var lanes = new List<List<(int Top, int Bottom)>>();
        foreach (var edge in edges.Where(edge => edge.Route == side))
        {
            var run = (Top: Math.Min(edge.From.Layer + 1, edge.To.Layer), Bottom: Math.Max(edge.From.Layer + 1, edge.To.Layer));
            var lane = lanes.FindIndex(lane => lane.All(other => run.Bottom < other.Top || run.Top > other.Bottom));
            if (lane < 0)
            {
                lanes.Add([]);
                lane = lanes.Count - 1;
            }

            lanes[lane].Add(run);
            edge.MarginLane = lane;
        }

        return lanes.Count;
    }

    /// <summary>Stacks corridors and rows top to bottom and moves boxes to absolute positions; returns the bottom of the drawing.</summary>
    private static double PlaceVertically(List<List<Box>> rows, List<Corridor> corridors, double boxesLeft)
    {
        var y = Padding + HeadingHeight;
        for (var index = 0; index < corridors.Count; index++)
        {
            corridors[index].Top = y;
            y += corridors[index].Height;
            if (index < rows.Count)
            {
                foreach (var box in rows[index])
                {
                    box.X += boxesLeft;
                    box.Y = y;
                }

                y += BoxHeight;
            }
        }

        return y;
    }

    /// <summary>
    /// Spreads the arrows leaving or entering each side of a box along it, ordered by where their
    /// other end lies, so that they do not start or end on top of each other.
    /// </summary>
    private static void SpreadAttachments(IEnumerable<Box> boxes, List<Edge> edges)
    {
        foreach (var box in boxes)
        {
            var bottom = new List<(Edge Edge, bool Leaves, double Toward)>();
            var top = new List<(Edge Edge, bool Leaves, double Toward)>();
            foreach (var edge in edges)
            {
                var side = edge.Route switch { Route.AroundLeft => -1_000_000 - edge.MarginLane, Route.AroundRight => 1_000_000 + edge.MarginLane, _ => 0.0 };
                if (edge.From == box)
                {
                    bottom.Add((edge, true, side == 0 ? edge.To.CenterX : side));
                }

                if (edge.To == box)
                {
                    (edge.Route == Route.UnderRow ? bottom : top).Add((edge, false, side == 0 ? edge.From.CenterX : side));
                }
            }

            foreach (var ends in new[] { bottom, top })
            {
                var ordered = ends.OrderBy(end => end.Toward).ToList();
                for (var index = 0; index < ordered.Count; index++)
                {
                    var x = box.X + ((box.Width - box.Badge) * (index + 1) / (ordered.Count + 1));
                    if (ordered[index].Leaves)
                    {
                        ordered[index].Edge.StartX = x;
                    }
                    else
                    {
                        ordered[index].Edge.EndX = x;
                    }
                }
            }
        }
    }

    private static List<Point> Points(Edge edge, List<Corridor> corridors, double leftLaneX, double rightLaneX)
    {
        var start = (edge.StartX, edge.From.Y + BoxHeight);
        var exitY = corridors[edge.From.Layer + 1].LaneY(edge.ExitLane);
        return edge.Route switch
        {
            Route.Direct => [start, (edge.EndX, edge.To.Y)],
            Route.UnderRow => [start, (edge.StartX, exitY), (edge.EndX, exitY), (edge.EndX, edge.To.Y + BoxHeight)],
            _ => AroundPoints(),
        };

        List<Point> AroundPoints()
        {
            var laneX = edge.Route == Route.AroundLeft ? leftLaneX - (edge.MarginLane * MarginLaneSpacing) : rightLaneX + (edge.MarginLane * MarginLaneSpacing);
            var entryY = corridors[edge.To.Layer].LaneY(edge.EntryLane);
            return [start, (edge.StartX, exitY), (laneX, exitY), (laneX, entryY), (edge.EndX, entryY), (edge.EndX, edge.To.Y)];
        }
    }

    /// <summary>
    /// Where each transition's label goes: a straight arrow's in the first free slot of its gap, at
    /// the point where the arrow crosses it; a turning arrow's on its own lane, which no other arrow uses.
    /// </summary>
    private static List<Label> PlaceLabels(List<Edge> edges, List<Corridor> corridors, double boxesLeft, double boxesRight)
    {
        var labels = new List<Label>();
        foreach (var corridor in corridors)
        {
            var slots = Enumerable.Range(0, LabelSlots).Select(_ => new List<(double Left, double Right)>()).ToArray();
            foreach (var (edge, index) in corridor.DirectEdges.Select((edge, index) => (edge, index)))
            {
                var width = LabelWidth(edge);
                var placements = Enumerable.Range(0, LabelSlots).Select(slot =>
                {
                    var (start, end) = (edge.Points[0], edge.Points[^1]);
                    var y = corridor.LabelSlotY(slot);
                    var x = start.X + ((end.X - start.X) * (y - start.Y) / (end.Y - start.Y));
                    return (Slot: slot, X: x, Y: y);
                }).ToList();
                var free = placements.Where(placement => slots[placement.Slot].All(other => placement.X + (width / 2) + 6 < other.Left || placement.X - (width / 2) - 6 > other.Right)).ToList();
                var chosen = free.Count > 0 ? free[0] : placements[index % LabelSlots];
                slots[chosen.Slot].Add((chosen.X - (width / 2), chosen.X + (width / 2)));
                labels.Add(new Label(edge, chosen.X, chosen.Y, width));
            }
        }

        foreach (var edge in edges.Where(edge => edge.Route != Route.Direct))
        {
            var width = LabelWidth(edge);
            var (from, to) = (edge.Points[1], edge.Points[2]);
            var x = Math.Clamp((from.X + to.X) / 2, boxesLeft + (width / 2), Math.Max(boxesLeft + (width / 2), boxesRight - (width / 2)));
            labels.Add(new Label(edge, x, from.Y, width));
        }

        return labels;
    }

    private static XElement Transition(Edge edge, bool taken, string markerId) =>
        new(
            Svg + "g",
            EdgeAttributes(edge, taken ? "transition taken" : "transition"),
            new XElement(Svg + "title", Clean($"{edge.Transition.Action} {edge.Transition.ChineseName}: {edge.From.State.Name} → {edge.To.State.Name}; by {string.Join(", ", edge.Transition.Roles)}"
                + string.Concat(edge.Transition.Clocks.Select(clock => $"; {clock}")))),
            new XElement(
                Svg + "path",
                new XAttribute("d", PathData(edge.Points)),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", taken ? Strong : Stroke),
                Attribute("stroke-width", taken ? 3 : 1.4),
                new XAttribute("marker-end", $"url(#{markerId}{(taken ? "-taken" : string.Empty)})")));

    private static XElement TransitionLabel(Label label, bool taken) =>
        new(
            Svg + "g",
            EdgeAttributes(label.Edge, taken ? "transition-label taken" : "transition-label"),
            Rectangle(label.X - (label.Width / 2), label.Y - 7.5, label.Width, 15, 3, Paper, stroke: null),
            Text(label.X, label.Y + (LabelSize * 0.36), LabelText(label.Edge), LabelSize, taken ? Strong : Muted, bold: taken));

    private static object[] EdgeAttributes(Edge edge, string classes) =>
    [
        new XAttribute("class", classes),
        new XAttribute("data-action", Clean(edge.Transition.Action)),
        new XAttribute("data-from", Clean(edge.From.State.Name)),
        new XAttribute("data-to", Clean(edge.To.State.Name)),
    ];

    private static XElement State(WorkflowDefinition definition, Box box, DiagramHighlight? highlight, string markerId)
    {
        var state = box.State;
        var isCurrent = highlight?.CurrentState == state.Name;
        var isVisited = highlight?.Visited(state.Name) == true;
        var (fill, stroke, ink, muted) = isCurrent ? (Strong, StrongDark, Paper, Paper) : isVisited ? (Light, Strong, Ink, Muted) : (Paper, Muted, Ink, Muted);
        var strokeWidth = isCurrent ? 2.5 : state.Kind == StateKind.Initial ? 2 : 1.2;
        var dashes = state.Kind == StateKind.Waiting ? "6 3" : null;
        var inPlace = definition.TransitionsFrom(state.Name).Where(transition => transition.StaysInPlace).ToList();
        var kind = state.Kind.ToString().ToLowerInvariant();
        var tooltip = $"{state.Name} {state.ChineseName}: {kind}"
            + (state.OnEnter.Count == 0 ? string.Empty : $"; on entry: {string.Join(", ", state.OnEnter)}")
            + (inPlace.Count == 0 ? string.Empty : $"; in place: {string.Join(", ", inPlace.Select(transition => transition.Action))}");
        var textX = box.X + ((box.Width - box.Badge) / 2);
        var middleY = box.Y + (BoxHeight / 2);

        return new XElement(
            Svg + "g",
            new XAttribute("class", $"state {kind}{(isCurrent ? " current" : isVisited ? " visited" : string.Empty)}"),
            new XAttribute("data-state", Clean(state.Name)),
            isCurrent ? new XAttribute("aria-current", "step") : null,
            new XElement(Svg + "title", Clean(tooltip)),
            Rectangle(box.X, box.Y, box.Width, BoxHeight, 8, fill, stroke, strokeWidth, dashes),
            // A terminal state has a double border, as in UML.
            state.Kind == StateKind.Terminal ? Rectangle(box.X + 3.5, box.Y + 3.5, box.Width - 7, BoxHeight - 7, 5, "none", stroke, strokeWidth, dashes) : null,
            Text(textX, box.Y + 20, state.Name, NameSize, ink, bold: true),
            Text(textX, box.Y + 37, state.ChineseName, NameSize, muted),
            inPlace.Count == 0 ? null : Text(box.X + box.Width - (BadgeWidth / 2) - 4, middleY + 4, $"↻{inPlace.Count.ToString(CultureInfo.InvariantCulture)}", LabelSize, muted),
            // The initial state is entered from a dot, as in UML.
            state.Kind != StateKind.Initial ? null : new XElement(
                Svg + "g",
                new XAttribute("class", "start"),
                new XElement(Svg + "circle", Attribute("cx", box.X - 30), Attribute("cy", middleY), Attribute("r", 5), new XAttribute("fill", Ink)),
                new XElement(Svg + "path", new XAttribute("d", PathData([(box.X - 25, middleY), (box.X, middleY)])), new XAttribute("stroke", Ink), Attribute("stroke-width", 1.4), new XAttribute("marker-end", $"url(#{markerId})"))));
    }

    /// <summary>One legend box listing each action that leaves a case where it is, with the states it is available in.</summary>
    private static XElement Legend(List<LegendLine> lines, double x, double y, double width, DiagramHighlight? highlight) =>
        new(
            Svg + "g",
            new XAttribute("class", "in-place-actions"),
            Rectangle(x, y, width, 22 + (lines.Count * LegendLineHeight) + 12, 6, "#f8fafc", "#cbd5e1", 1, null),
            Text(x + 12, y + 20, "↻ Actions that leave the case where it is", LabelSize, Ink, bold: true, anchor: "start"),
            lines.Select((line, index) => (Line: line, Y: y + 22 + (LegendLineHeight * (index + 1)))).GroupBy(entry => entry.Line.Transition).Select(group =>
            {
                var taken = highlight is not null && group.Key.From.Any(from => highlight.Took(from, group.Key.Action, from));
                return new XElement(
                    Svg + "g",
                    new XAttribute("class", taken ? "in-place-action taken" : "in-place-action"),
                    new XAttribute("data-action", Clean(group.Key.Action)),
                    group.Select(entry => Text(x + 12 + entry.Line.Indent, entry.Y, entry.Line.Text, LabelSize, taken ? Strong : Muted, bold: taken, anchor: "start")));
            }));

    /// <summary>The legend's lines: per in-place action, its name and then its states, wrapped at <paramref name="maximumWidth"/>.</summary>
    private static List<LegendLine> LegendLines(WorkflowDefinition definition, double maximumWidth)
    {
        var lines = new List<LegendLine>();
        foreach (var transition in definition.Transitions.Where(transition => transition.StaysInPlace))
        {
            var line = $"{transition.Action} {transition.ChineseName} — available in ";
            var indent = 0.0;
            var statesOnLine = 0;
            foreach (var (from, index) in transition.From.Select((from, index) => (from, index)))
            {
                var piece = from + (index < transition.From.Count - 1 ? ", " : string.Empty);
                if (statesOnLine > 0 && TextWidth(line + piece, LabelSize) + indent > maximumWidth)
                {
                    lines.Add(new LegendLine(transition, line.TrimEnd(), indent));
                    (line, indent, statesOnLine) = (string.Empty, 16, 0);
                }

                line += piece;
                statesOnLine++;
            }

            lines.Add(new LegendLine(transition, line, indent));
        }

        return lines;
    }

    private static XElement Marker(string id, string colour) =>
        new(
            Svg + "marker",
            new XAttribute("id", id),
            new XAttribute("viewBox", "0 0 10 10"),
            Attribute("refX", 9),
            Attribute("refY", 5),
            Attribute("markerWidth", 9),
            Attribute("markerHeight", 9),
            // In user units, so a bold (taken) arrow does not get a giant head.
            new XAttribute("markerUnits", "userSpaceOnUse"),
            new XAttribute("orient", "auto"),
            new XElement(Svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", colour)));

    private static XElement Rectangle(double x, double y, double width, double height, double radius, string fill, string? stroke, double strokeWidth = 1, string? dashes = null) =>
        new(
            Svg + "rect",
            Attribute("x", x),
            Attribute("y", y),
            Attribute("width", width),
            Attribute("height", height),
            Attribute("rx", radius),
            new XAttribute("fill", fill),
            stroke is null ? null : new XAttribute("stroke", stroke),
            stroke is null ? null : Attribute("stroke-width", strokeWidth),
            dashes is null ? null : new XAttribute("stroke-dasharray", dashes));

    private static XElement Text(double x, double y, string text, double size, string colour, bool bold = false, string anchor = "middle") =>
        new(
            Svg + "text",
            Attribute("x", x),
            Attribute("y", y),
            new XAttribute("text-anchor", anchor),
            Attribute("font-size", size),
            bold ? new XAttribute("font-weight", "bold") : null,
            new XAttribute("fill", colour),
            Clean(text));

    /// <summary>A polyline with its corners rounded.</summary>
    private static string PathData(List<Point> points)
    {
        var data = new StringBuilder($"M {Number(points[0].X)} {Number(points[0].Y)}");
        for (var index = 1; index < points.Count - 1; index++)
        {
            var (before, corner, after) = (points[index - 1], points[index], points[index + 1]);
            var radius = Math.Min(CornerRadius, Math.Min(Distance(before, corner), Distance(corner, after)) / 2);
            var (entry, exit) = (Toward(corner, before, radius), Toward(corner, after, radius));
            data.Append($" L {Number(entry.X)} {Number(entry.Y)} Q {Number(corner.X)} {Number(corner.Y)} {Number(exit.X)} {Number(exit.Y)}");
        }

        return data.Append($" L {Number(points[^1].X)} {Number(points[^1].Y)}").ToString();
    }

    private static double Distance(Point from, Point to) => Math.Sqrt(Math.Pow(to.X - from.X, 2) + Math.Pow(to.Y - from.Y, 2));

    private static Point Toward(Point from, Point to, double length)
    {
        var distance = Distance(from, to);
        return distance == 0 ? from : (from.X + ((to.X - from.X) * length / distance), from.Y + ((to.Y - from.Y) * length / distance));
    }

    private static string LabelText(Edge edge) => $"{edge.Transition.Action} {edge.Transition.ChineseName}";

    private static double LabelWidth(Edge edge) => TextWidth(LabelText(edge), LabelSize) + 10;

    /// <summary>
    /// An estimate of a text's width: Chinese, Japanese and Korean characters and full-width forms
    /// take about one em, other characters about 0.62 em in a proportional sans-serif font.
    /// </summary>
    private static double TextWidth(string text, double fontSize) =>
        text.EnumerateRunes().Sum(rune => rune.Value is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD)
            ? 1.0
            : 0.62) * fontSize;

    /// <summary>One decimal, invariant culture, never "-0": the same drawing gives the same bytes on every machine.</summary>
    private static string Number(double value)
    {
        var rounded = Math.Round(value, 1);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static XAttribute Attribute(string name, double value) => new(name, Number(value));

    /// <summary>Replaces characters XML cannot carry (control characters, lone surrogates), which would make the writer throw.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            if (XmlConvert.IsXmlChar(text[index]))
            {
                clean.Append(text[index]);
            }
            else if (index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], text[index]))
            {
                clean.Append(text, index, 2);
                index++;
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }

    private enum Route
    {
        /// <summary>To the next row: a straight arrow across the gap.</summary>
        Direct,

        /// <summary>Within a row: down into the gap below, across, and back up.</summary>
        UnderRow,

        /// <summary>Back up or several rows down, in a lane left of the rows.</summary>
        AroundLeft,

        /// <summary>Back up or several rows down, in a lane right of the rows.</summary>
        AroundRight,
    }

    private sealed class Box(StateDefinition state, int layer, double width, double badge)
    {
        public StateDefinition State { get; } = state;

        public int Layer { get; } = layer;

        public double Width { get; } = width;

        /// <summary>Room on the right for the ↻ count of in-place actions; arrows and names keep clear of it.</summary>
        public double Badge { get; } = badge;

        public double X { get; set; }

        public double Y { get; set; }

        public double CenterX => X + (Width / 2);
    }

    /// <summary>One transition from one of its source states.</summary>
    private sealed class Edge(TransitionDefinition transition, Box from, Box to)
    {
        public TransitionDefinition Transition { get; } = transition;

        public Box From { get; } = from;

        public Box To { get; } = to;

        public Route Route { get; set; }

        public int ExitLane { get; set; }

        public int EntryLane { get; set; }

        public int MarginLane { get; set; }

        public double StartX { get; set; }

        public double EndX { get; set; }

        public List<Point> Points { get; set; } = [];
    }

    /// <summary>The gap above a row (or below the last): its lanes for turning arrows, then the label slots of the straight arrows crossing it.</summary>
    private sealed class Corridor(bool betweenRows)
    {
        public List<Edge> DirectEdges { get; } = [];

        public List<Edge> Lanes { get; } = [];

        public double Top { get; set; }

        private double LaneBand => Lanes.Count == 0 ? 0 : (Lanes.Count * LaneSpacing) + 8;

        public double Height => betweenRows
            ? LaneBand + Math.Max(MinimumRowGap, DirectEdges.Count == 0 ? 0 : (LabelSlots * LabelSlotHeight) + 16)
            : LaneBand;

        public int TakeLane(Edge edge)
        {
            Lanes.Add(edge);
            return Lanes.Count - 1;
        }

        public double LaneY(int lane) => Top + 4 + (lane * LaneSpacing) + (LaneSpacing / 2);

        public double LabelSlotY(int slot) => Top + LaneBand + 8 + (slot * LabelSlotHeight) + (LabelSlotHeight / 2);
    }

    private sealed record Label(Edge Edge, double X, double Y, double Width);

    private sealed record LegendLine(TransitionDefinition Transition, string Text, double Indent);
}
