using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cases.Domain.Access;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Engine.Diagrams;

namespace Cases.Workflows.Tests.Diagrams;

public sealed class DiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>A case that was served, sent an information notice while waiting, then got its defence back.</summary>
    private static readonly DiagramHighlight Highlight = new("Accepted",
    [
        new TakenTransition("Received", "triage", "Triage"),
        new TakenTransition("Triage", "accept", "Accepted"),
        new TakenTransition("Accepted", "serve", "AwaitingDefence"),
        new TakenTransition("AwaitingDefence", "sendNotice", "AwaitingDefence"),
        new TakenTransition("AwaitingDefence", "defenceReceived", "Accepted"),
    ]);

    /// <summary>Every drawn transition, one per source state; in-place actions are not among them.</summary>
    private static readonly (string From, string Action, string To)[] DrawnTransitions =
    [
        ("Received", "triage", "Triage"),
        ("Triage", "accept", "Accepted"),
        ("Triage", "refuse", "Refused"),
        ("Accepted", "serve", "AwaitingDefence"),
        ("AwaitingDefence", "defenceReceived", "Accepted"),
        ("Accepted", "close", "Closed"),
        ("AwaitingDefence", "close", "Closed"),
        ("Triage", "withdraw", "Closed"),
        ("Accepted", "withdraw", "Closed"),
        ("AwaitingDefence", "withdraw", "Closed"),
    ];

    [Fact]
    public void The_svg_is_well_formed_accessible_and_names_every_state_and_action()
    {
        var document = XDocument.Parse(SvgDiagram.Render(Definition()));
        var svg = document.Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Contains("Rights defence 维权", (string?)svg.Attribute("aria-label"));
        Assert.Matches(@"^0 0 \d+(\.\d)? \d+(\.\d)?$", (string?)svg.Attribute("viewBox"));
        Assert.Equal("Rights defence 维权 (rights-defence v1)", svg.Element(Svg + "title")?.Value);
        var texts = svg.Descendants(Svg + "text").Select(text => text.Value).ToList();
        foreach (var state in Definition().States)
        {
            Assert.Contains(state.Name, texts);
            Assert.Contains(state.ChineseName, texts);
        }

        foreach (var transition in Definition().Transitions)
        {
            Assert.Contains(texts, text => text.Contains($"{transition.Action} {transition.ChineseName}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_svg_draws_each_transition_once_per_source_state_and_lists_in_place_actions_with_their_states()
    {
        var svg = XDocument.Parse(SvgDiagram.Render(Definition())).Root!;

        var drawn = ElementsOfClass(svg, "transition").Select(Transition).OrderBy(transition => transition).ToList();
        Assert.Equal(DrawnTransitions.OrderBy(transition => transition), drawn);
        Assert.DoesNotContain(drawn, transition => transition.Action is "sendNotice" or "remind");
        var sendNotice = Assert.Single(ElementsOfClass(svg, "in-place-action"), element => (string?)element.Attribute("data-action") == "sendNotice");
        Assert.Equal("sendNotice 信息通报 — available in Triage, Accepted, AwaitingDefence", string.Concat(sendNotice.Descendants(Svg + "text").Select(text => text.Value)));
        Assert.Single(ElementsOfClass(svg, "state").Where(state => (string?)state.Attribute("data-state") == "AwaitingDefence").Descendants(Svg + "text"), text => text.Value == "↻2");
    }

    [Fact]
    public void The_svg_highlights_the_current_state_the_visited_states_and_the_taken_transitions()
    {
        var svg = XDocument.Parse(SvgDiagram.Render(Definition(), Highlight)).Root!;

        var current = Assert.Single(ElementsOfClass(svg, "current"));
        Assert.Equal(("Accepted", "step"), ((string?)current.Attribute("data-state"), (string?)current.Attribute("aria-current")));
        Assert.Single(svg.Descendants(), element => element.Attribute("aria-current") is not null);
        Assert.Equal(["Received", "Triage", "AwaitingDefence"], ElementsOfClass(svg, "visited").Select(state => (string?)state.Attribute("data-state")));
        var taken = new[] { Highlight.Path[0], Highlight.Path[1], Highlight.Path[2], Highlight.Path[4] }.Select(step => (step.From, step.Action, step.To)).ToList();
        foreach (var transition in ElementsOfClass(svg, "transition"))
        {
            Assert.Equal(taken.Contains(Transition(transition)), Classes(transition).Contains("taken"));
            Assert.Equal(taken.Contains(Transition(transition)) ? "3" : "1.4", (string?)transition.Element(Svg + "path")?.Attribute("stroke-width"));
        }

        Assert.Equal(taken.Count, ElementsOfClass(svg, "transition").Count(transition => Classes(transition).Contains("taken")));
        Assert.Equal(["sendNotice"], ElementsOfClass(svg, "in-place-action").Where(action => Classes(action).Contains("taken")).Select(action => (string?)action.Attribute("data-action")));
    }

    [Fact]
    public void Without_a_highlight_nothing_is_marked()
    {
        var svg = XDocument.Parse(SvgDiagram.Render(Definition())).Root!;

        Assert.Empty(ElementsOfClass(svg, "current"));
        Assert.Empty(ElementsOfClass(svg, "visited"));
        Assert.Empty(ElementsOfClass(svg, "taken"));
        Assert.DoesNotContain(svg.Descendants(), element => element.Attribute("aria-current") is not null);
    }

    [Fact]
    public void Names_with_markup_characters_are_escaped_and_come_back_intact()
    {
        var rendered = SvgDiagram.Render(Definition(), Highlight);

        Assert.Contains("等待&lt;答辩&gt; &amp; \"回复\"", rendered);
        Assert.Contains(XDocument.Parse(rendered).Descendants(Svg + "text"), text => text.Value == "等待<答辩> & \"回复\"");
    }

    [Fact]
    public void The_svg_is_the_same_byte_for_byte_for_the_same_input_whatever_the_culture()
    {
        var first = SvgDiagram.Render(Definition(), Highlight);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A culture that writes 1,5 for one and a half would break every coordinate.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(first, SvgDiagram.Render(Definition(), Highlight));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.NotEqual(first, SvgDiagram.Render(Definition()));
    }

    [Fact]
    public void States_do_not_overlap_and_no_arrow_runs_through_a_state()
    {
        var svg = XDocument.Parse(SvgDiagram.Render(Definition(), Highlight)).Root!;
        var boxes = ElementsOfClass(svg, "state").Select(state => state.Element(Svg + "rect")!).Select(rectangle =>
            (X: Number(rectangle, "x"), Y: Number(rectangle, "y"), Width: Number(rectangle, "width"), Height: Number(rectangle, "height"))).ToList();

        Assert.Equal(Definition().States.Count, boxes.Count);
        foreach (var (box, other) in boxes.SelectMany((box, index) => boxes.Skip(index + 1).Select(other => (box, other))))
        {
            Assert.True(box.X + box.Width <= other.X || other.X + other.Width <= box.X || box.Y + box.Height <= other.Y || other.Y + other.Height <= box.Y, $"{box} overlaps {other}");
        }

        foreach (var transition in ElementsOfClass(svg, "transition"))
        {
            // Every coordinate pair in the path, rounded corners included, traces the arrow's polyline.
            var numbers = Regex.Matches((string)transition.Element(Svg + "path")!.Attribute("d")!, @"-?\d+(\.\d+)?").Select(match => double.Parse(match.Value, CultureInfo.InvariantCulture)).ToList();
            var points = numbers.Chunk(2).Select(pair => (X: pair[0], Y: pair[1])).ToList();
            foreach (var (from, to) in points.Zip(points.Skip(1)))
            {
                for (var step = 0.0; step <= 1; step += 0.02)
                {
                    var (x, y) = (from.X + ((to.X - from.X) * step), from.Y + ((to.Y - from.Y) * step));
                    Assert.DoesNotContain(boxes, box => x > box.X + 1 && x < box.X + box.Width - 1 && y > box.Y + 1 && y < box.Y + box.Height - 1);
                }
            }
        }
    }

    [Fact]
    public void Boxes_are_wide_enough_for_chinese_names_at_a_full_em_a_character()
    {
        var definition = new WorkflowBuilder("long-names", 1, "Long names", "长名称")
            .Initial("Start", "开始")
            .Terminal("End", "这是一个非常非常长的中文状态名称")
            .Transition("finish", "完成", step => step.From("Start").To("End").By(Role.CaseHandler).Records("CaseFinished"))
            .Build();
        var svg = XDocument.Parse(SvgDiagram.Render(definition)).Root!;

        var end = Assert.Single(ElementsOfClass(svg, "terminal"));
        Assert.True(Number(end.Element(Svg + "rect")!, "width") >= 16 * 13, "16 Chinese characters at 13px need 208px");
    }

    [Fact]
    public void Mermaid_declares_each_state_with_its_names_and_draws_each_transition_once_per_source_state()
    {
        var lines = MermaidDiagram.Render(Definition()).Split('\n');

        Assert.Contains("stateDiagram-v2", lines);
        Assert.Equal("---", lines[0]);
        Assert.Contains("title: 'Rights defence 维权 (rights-defence v1)'", lines);
        Assert.Equal(Definition().States.Count, lines.Count(line => line.TrimStart().StartsWith("state \"", StringComparison.Ordinal)));
        Assert.Contains("    state \"Received 收件\" as Received", lines);
        Assert.Contains("    [*] --> Received", lines);
        Assert.Equal(["    Refused --> [*]", "    Closed --> [*]"], lines.Where(line => line.EndsWith("--> [*]", StringComparison.Ordinal)));
        var drawn = lines.Select(line => Regex.Match(line, @"^    (\w+) --> (\w+) : (\w+) ")).Where(match => match.Success)
            .Select(match => (match.Groups[1].Value, match.Groups[3].Value, match.Groups[2].Value)).OrderBy(transition => transition).ToList();
        Assert.Equal(DrawnTransitions.OrderBy(transition => transition), drawn);
        Assert.Contains("    AwaitingDefence --> Accepted : defenceReceived 收到答辩", lines);
    }

    [Fact]
    public void Mermaid_lists_in_place_actions_in_one_note_per_state_instead_of_self_loops()
    {
        var text = MermaidDiagram.Render(Definition());

        Assert.DoesNotMatch(new Regex(@"^\s*(\w+) --> \1 ", RegexOptions.Multiline), text);
        Assert.Contains("    note right of AwaitingDefence\n        ↻ sendNotice 信息通报\n        ↻ remind 催告#58; 第1次#59; #35;2\n    end note\n", text);
        Assert.Contains("    note right of Triage\n        ↻ sendNotice 信息通报\n    end note\n", text);
        Assert.Equal(3, Regex.Count(text, "note right of"));
        Assert.DoesNotContain("note right of Received", text);
    }

    [Fact]
    public void Mermaid_writes_characters_that_break_labels_as_entity_codes()
    {
        var lines = MermaidDiagram.Render(Definition()).Split('\n');

        Assert.Contains("    state \"AwaitingDefence 等待#60;答辩#62; #38; #34;回复#34;\" as AwaitingDefence", lines);
        // Only the separator between a transition and its label may be a colon.
        Assert.All(lines.Where(line => line.Contains(" --> ", StringComparison.Ordinal)), line => Assert.True(line.Count(character => character == ':') <= 1, line));
    }

    [Fact]
    public void Mermaid_marks_the_current_and_the_visited_states_only_when_highlighted()
    {
        var highlighted = MermaidDiagram.Render(Definition(), Highlight).Split('\n');
        var plain = MermaidDiagram.Render(Definition());

        Assert.Contains("    class Accepted current", highlighted);
        Assert.Contains("    class Received,Triage,AwaitingDefence visited", highlighted);
        Assert.Single(highlighted, line => line.StartsWith("    classDef current ", StringComparison.Ordinal));
        Assert.Single(highlighted, line => line.StartsWith("    classDef visited ", StringComparison.Ordinal));
        Assert.DoesNotContain(plain.Split('\n'), line => line.TrimStart().StartsWith("class", StringComparison.Ordinal));
        Assert.Equal(plain, MermaidDiagram.Render(Definition()));
    }

    [Fact]
    public void Mermaid_gives_a_state_named_like_a_keyword_an_id_it_cannot_mistake()
    {
        // Mermaid's lexer ignores case, so a state with the id "Note" would start a note.
        var definition = new WorkflowBuilder("notes", 1, "Notes", "备注")
            .Initial("Received", "收件")
            .Active("Note", "备注")
            .Terminal("Done", "完成")
            .Transition("annotate", "备注", step => step.From("Received").To("Note").By(Role.CaseHandler).Records("CaseAnnotated"))
            .Transition("finish", "完成", step => step.From("Note").To("Done").By(Role.CaseHandler).Records("CaseFinished"))
            .Build();

        var lines = MermaidDiagram.Render(definition, new DiagramHighlight("Note", [new TakenTransition("Received", "annotate", "Note")])).Split('\n');

        Assert.Contains("    state \"Note 备注\" as Note_", lines);
        Assert.Contains("    Received --> Note_ : annotate 备注", lines);
        Assert.Contains("    Note_ --> Done : finish 完成", lines);
        Assert.Contains("    class Note_ current", lines);
        Assert.DoesNotContain(lines, line => line.Contains(" Note ", StringComparison.Ordinal) && !line.Contains('"', StringComparison.Ordinal));
    }

    [Fact]
    public void A_current_state_the_definition_does_not_have_is_not_marked()
    {
        var highlight = new DiagramHighlight("Archived", [new TakenTransition("Received", "triage", "Triage")]);

        var svg = XDocument.Parse(SvgDiagram.Render(Definition(), highlight)).Root!;
        var mermaid = MermaidDiagram.Render(Definition(), highlight).Split('\n');

        Assert.Empty(ElementsOfClass(svg, "current"));
        Assert.Equal(["Received", "Triage"], ElementsOfClass(svg, "visited").Select(state => (string?)state.Attribute("data-state")));
        Assert.DoesNotContain(mermaid, line => line.EndsWith(" current", StringComparison.Ordinal));
        Assert.Contains("    class Received,Triage visited", mermaid);
    }

    /// <summary>
    /// A small rights-defence shape: a waiting state with back-edges from it, transitions within a
    /// row, two terminals, in-place actions, and names that need escaping in XML and in Mermaid.
    /// Rows: Received; Triage; Accepted, Refused, Closed; AwaitingDefence.
    /// </summary>
    private static WorkflowDefinition Definition() =>
        new WorkflowBuilder("rights-defence", 1, "Rights defence", "维权")
            .Initial("Received", "收件")
            .Active("Triage", "分流", state => state.Starts("AcceptanceDecision"))
            .Active("Accepted", "已立案")
            .Waiting("AwaitingDefence", "等待<答辩> & \"回复\"", state => state.Starts("Defence"))
            .Terminal("Refused", "不予受理")
            .Terminal("Closed", "结案")
            .Transition("triage", "分流", step => step.From("Received").To("Triage").By(Role.IntakeOfficer).Records("CaseTriaged"))
            .Transition("accept", "立案", step => step.From("Triage").To("Accepted").By(Role.CaseHandler).Stops("AcceptanceDecision").Records("CaseAccepted"))
            .Transition("refuse", "不予受理", step => step.From("Triage").To("Refused").By(Role.CaseHandler).Stops("AcceptanceDecision").Records("CaseRefused"))
            .Transition("serve", "送达", step => step.From("Accepted").To("AwaitingDefence").By(Role.CaseHandler).Records("RespondentServed"))
            .Transition("defenceReceived", "收到答辩", step => step.From("AwaitingDefence").To("Accepted").By(Role.CaseHandler).Stops("Defence").Records("DefenceReceived"))
            .Transition("close", "结案", step => step.From("Accepted", "AwaitingDefence").To("Closed").By(Role.CaseHandler).Records("CaseClosed"))
            .Transition("withdraw", "撤回", step => step.From("Triage", "Accepted", "AwaitingDefence").To("Closed").By(Role.CaseHandler).Records("CaseWithdrawn"))
            .Transition("sendNotice", "信息通报", step => step.From("Triage", "Accepted", "AwaitingDefence").StaysInPlace().By(Role.CaseHandler).Records("NoticeSent"))
            .Transition("remind", "催告: 第1次; #2", step => step.From("AwaitingDefence").StaysInPlace().By(Role.CaseHandler).Records("RespondentReminded"))
            .Build();

    private static IEnumerable<XElement> ElementsOfClass(XElement svg, string name) =>
        svg.Descendants().Where(element => Classes(element).Contains(name));

    private static string[] Classes(XElement element) =>
        ((string?)element.Attribute("class") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static (string From, string Action, string To) Transition(XElement element) =>
        ((string)element.Attribute("data-from")!, (string)element.Attribute("data-action")!, (string)element.Attribute("data-to")!);

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
