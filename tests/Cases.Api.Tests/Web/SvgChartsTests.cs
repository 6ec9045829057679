using System.Globalization;
using System.Xml.Linq;
using Cases.Api.Web;
using Microsoft.AspNetCore.Html;

namespace Cases.Api.Tests.Web;

/// <summary>The report's charts: well-formed, named and described images, values written as text, labels encoded, colours from the stylesheet.</summary>
public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_grouped_chart_is_an_image_named_by_its_title_and_described()
    {
        var chart = Parse(SvgCharts.GroupedBars("cases", "Cases per month", "Opened and closed per month.", ["Jan\n2026", "Feb"],
            [new("Opened", [3, 1]), new("Closed", [2, 0], Alternate: true)], value => value.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal("img", (string?)chart.Attribute("role"));
        Assert.Equal("cases-title cases-desc", (string?)chart.Attribute("aria-labelledby"));
        Assert.Equal("Cases per month", chart.Element(Svg + "title")!.Value);
        Assert.Equal("cases-title", (string?)chart.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("Opened and closed per month.", chart.Element(Svg + "desc")!.Value);
        Assert.Contains("chart", ((string?)chart.Attribute("class"))!.Split(' '));
    }

    [Fact]
    public void A_grouped_chart_draws_a_bar_per_series_and_category_in_proportion_with_each_value_as_text()
    {
        var chart = Parse(SvgCharts.GroupedBars("cases", "Cases", "Per month.", ["Jan", "Feb"],
            [new("Opened", [4, 1]), new("Closed", [2, 0], Alternate: true)], value => value.ToString(CultureInfo.InvariantCulture)));

        // The legend's two swatches, then four bars, each titled with its category, series and value.
        var bars = chart.Elements(Svg + "rect").Where(rect => rect.Element(Svg + "title") is not null).ToList();
        Assert.Equal(["Jan · Opened: 4", "Jan · Closed: 2", "Feb · Opened: 1", "Feb · Closed: 0"], bars.Select(bar => bar.Element(Svg + "title")!.Value));
        Assert.Equal(["bar", "bar bar--alt", "bar", "bar bar--alt"], bars.Select(bar => (string)bar.Attribute("class")!));
        var heights = bars.Select(bar => double.Parse((string)bar.Attribute("height")!, CultureInfo.InvariantCulture)).ToList();
        // The axis tops at 4, the round number at or above the largest value: 150px for 4 cases.
        Assert.Equal([150, 75, 37.5, 0], heights);
        var texts = chart.Descendants(Svg + "text").Select(text => text.Value).ToList();
        Assert.Contains("Opened", texts);
        Assert.Contains("Closed", texts);
        Assert.Equal(["4", "2", "1"], chart.Elements(Svg + "text").Where(text => (string?)text.Attribute("class") == "chart__value").Select(text => text.Value));
        Assert.Equal(["0", "2", "4"], chart.Elements(Svg + "text").Where(text => (string?)text.Attribute("text-anchor") == "end").Select(text => text.Value));
    }

    [Fact]
    public void A_category_label_with_a_line_break_is_written_on_two_lines()
    {
        var chart = Parse(SvgCharts.GroupedBars("months", "Cases", "Per month.", ["1月\n2026", "2月"], [new("收案数", [1, 2])], value => value.ToString(CultureInfo.InvariantCulture)));

        var labels = chart.Elements(Svg + "text").Where(text => text.Elements(Svg + "tspan").Any()).ToList();
        Assert.Equal([["1月", "2026"], ["2月"]], labels.Select(label => label.Elements(Svg + "tspan").Select(line => line.Value).ToArray()));
    }

    [Fact]
    public void Every_label_is_encoded_so_none_becomes_markup()
    {
        var html = Html(SvgCharts.HorizontalBars("steps", "<script>alert(1)</script>", "A & B \"quoted\"", [new("<b>Filed</b>", 2)], value => value.ToString(CultureInfo.InvariantCulture)));
        var chart = XElement.Parse(html);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", chart.Element(Svg + "title")!.Value);
        Assert.Equal("A & B \"quoted\"", chart.Element(Svg + "desc")!.Value);
        Assert.Contains(chart.Elements(Svg + "text"), text => text.Value == "<b>Filed</b>");
        Assert.DoesNotContain(chart.Descendants(), element => element.Name.LocalName is "script" or "b");
    }

    [Fact]
    public void A_horizontal_chart_draws_each_bar_in_proportion_with_its_label_and_formatted_value()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var chart = Parse(SvgCharts.HorizontalBars("steps", "Median days per step", "One bar per step.",
                [new("Filed", 2), new("Awaiting service", 1.5), new("Awaiting defence", 1234.5)], value => Formats.Number(value, 1)));

            var bars = chart.Elements(Svg + "rect").ToList();
            Assert.Equal(["bar", "bar", "bar"], bars.Select(bar => (string)bar.Attribute("class")!));
            // The axis tops at 2000: 280px for 2000 days.
            Assert.Equal([0.3, 0.2, 172.8], bars.Select(bar => double.Parse((string)bar.Attribute("width")!, CultureInfo.InvariantCulture)));
            var texts = chart.Elements(Svg + "text").Select(text => text.Value).ToList();
            Assert.Equal(["Filed", "2.0", "Awaiting service", "1.5", "Awaiting defence", "1,234.5"], texts);
            Assert.Equal("Awaiting defence: 1,234.5", bars[2].Element(Svg + "title")!.Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Charts_of_nothing_but_zeros_or_of_no_bars_still_draw()
    {
        var zeros = Parse(SvgCharts.GroupedBars("none", "Cases", "None.", ["Jan"], [new("Opened", [0])], value => value.ToString(CultureInfo.InvariantCulture)));
        var empty = Parse(SvgCharts.HorizontalBars("none", "Steps", "None.", [], value => value.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal("0", (string?)zeros.Elements(Svg + "rect").Single(rect => rect.Element(Svg + "title") is not null).Attribute("height"));
        Assert.Empty(empty.Elements(Svg + "rect"));
        Assert.Equal("img", (string?)empty.Attribute("role"));
    }

    [Fact]
    public void A_series_without_a_value_for_every_category_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SvgCharts.GroupedBars("bad", "Bad", "Bad.", ["Jan", "Feb"], [new("Opened", [1])], value => value.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(0, false, 1)]
    [InlineData(0.4, false, 0.4)]
    [InlineData(0.5, false, 0.6)]
    [InlineData(1, false, 1)]
    [InlineData(3, false, 4)]
    [InlineData(7, false, 8)]
    [InlineData(12, false, 20)]
    [InlineData(38, false, 40)]
    [InlineData(120, false, 200)]
    [InlineData(0, true, 2)]
    [InlineData(1, true, 2)]
    [InlineData(5, true, 6)]
    [InlineData(9, true, 10)]
    public void The_value_axis_tops_at_a_round_number_whose_half_is_round_too(double largest, bool wholeNumbers, double top) =>
        Assert.Equal(top, SvgCharts.Scale([0, largest], wholeNumbers), 9);

    [Fact]
    public void A_chart_of_few_categories_is_still_wide_enough_for_its_legend()
    {
        var chart = Parse(SvgCharts.GroupedBars("wide", "Cases", "Per month.", ["Jan"],
            [new("Cases opened in the month", [1]), new("Cases closed in the month", [1], Alternate: true)], value => value.ToString(CultureInfo.InvariantCulture), wholeNumbers: true));

        var width = double.Parse((string)chart.Attribute("width")!, CultureInfo.InvariantCulture);
        var lastLegend = chart.Elements(Svg + "text").First(text => text.Value == "Cases closed in the month");
        Assert.True(double.Parse((string)lastLegend.Attribute("x")!, CultureInfo.InvariantCulture) + (25 * 6.6) <= width, $"legend ends beyond {width}");
        Assert.Equal(["0", "1", "2"], chart.Elements(Svg + "text").Where(text => (string?)text.Attribute("text-anchor") == "end").Select(text => text.Value));
    }

    private static XElement Parse(IHtmlContent chart) => XElement.Parse(Html(chart));

    private static string Html(IHtmlContent chart)
    {
        using var writer = new StringWriter();
        chart.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
