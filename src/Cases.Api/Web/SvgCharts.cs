using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Cases.Api.Web;

/// <summary>
/// Small bar charts drawn on the server as inline SVG, so the reports need no script: a grouped bar
/// chart (e.g. cases opened and closed per month) and a horizontal bar chart (e.g. the median days
/// per step). Each is an image with a name (its &lt;title&gt;) and a description (&lt;desc&gt;) for
/// screen readers, every value is written beside its bar as text, and the colours come from the
/// stylesheet (<c>.chart .bar</c>, <c>.bar--alt</c>, <c>.axis</c>). Every label is HTML-encoded.
/// The page shows the same figures in a table: the chart is the overview, not the only copy.
/// </summary>
public static class SvgCharts
{
    /// <summary>One series of a grouped chart: its name (in the legend) and a value per category; the alternate colour for the second.</summary>
    public sealed record Series(string Name, IReadOnlyList<double> Values, bool Alternate = false);

    /// <summary>One bar of a horizontal chart.</summary>
    public sealed record Bar(string Label, double Value);

    private const int LegendHeight = 26;
    private const int ValueBand = 16;
    private const int PlotHeight = 150;
    private const int MinimumPlotWidth = 320;
    private const int MinimumBarWidth = 12;
    private const int MaximumBarWidth = 32;
    private const int AxisLabelsHeight = 34;
    private const int AxisWidth = 44;
    private const int GroupGap = 10;
    private const int BarRowHeight = 26;
    private const int BarAreaWidth = 280;
    private const int ValueWidth = 64;

    /// <summary>
    /// Vertical bars, one group per category and one bar per series in each group. A category label
    /// may hold a line break ("\n") to write it on two lines (e.g. the month, then the year).
    /// </summary>
    /// <param name="id">Unique on the page: names the title and description the chart is labelled by.</param>
    /// <param name="format">How a value is written (e.g. <see cref="Formats.Number(long)"/>); the reader's language decides.</param>
    /// <param name="wholeNumbers">Counts: the value axis then has whole numbers only.</param>
    public static IHtmlContent GroupedBars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<Series> series, Func<double, string> format, bool wholeNumbers = false)
    {
        if (series.Any(one => one.Values.Count != categories.Count))
        {
            throw new ArgumentException("Every series needs one value per category.", nameof(series));
        }

        var seriesCount = Math.Max(1, series.Count);
        var legendWidth = series.Sum(one => 24 + TextWidth(one.Name));
        // Wide enough for the legend and a readable chart however few the categories; bars grow to fill it.
        var plotWidth = Math.Max(categories.Count * ((seriesCount * MinimumBarWidth) + GroupGap), Math.Max(MinimumPlotWidth, legendWidth));
        var groupWidth = plotWidth / (double)Math.Max(1, categories.Count);
        var barWidth = Math.Min(MaximumBarWidth, (groupWidth - GroupGap) / seriesCount);
        var width = AxisWidth + plotWidth + GroupGap;
        var plotTop = LegendHeight + ValueBand;
        var baseline = plotTop + PlotHeight;
        var height = baseline + AxisLabelsHeight;
        var top = Scale(series.SelectMany(one => one.Values), wholeNumbers);

        var svg = Open(id, title, description, width, height);
        // The legend: a swatch and the series' name.
        var legendX = AxisWidth;
        foreach (var one in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{BarClass(one)}\" x=\"{legendX}\" y=\"6\" width=\"12\" height=\"12\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 16}\" y=\"16\">{Encode(one.Name)}</text>");
            legendX += 24 + TextWidth(one.Name);
        }

        // The value axis: zero, half and the top, with guide lines.
        foreach (var tick in new[] { 0, top / 2, top })
        {
            var y = baseline - (PlotHeight * tick / top);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{AxisWidth}\" y1=\"{Number(y)}\" x2=\"{AxisWidth + plotWidth}\" y2=\"{Number(y)}\"></line>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{AxisWidth - 6}\" y=\"{Number(y + 4)}\" text-anchor=\"end\">{Encode(format(tick))}</text>");
        }

        for (var category = 0; category < categories.Count; category++)
        {
            var groupX = AxisWidth + (category * groupWidth) + (GroupGap / 2.0);
            for (var index = 0; index < series.Count; index++)
            {
                var one = series[index];
                var value = Math.Max(0, one.Values[category]);
                var barHeight = PlotHeight * value / top;
                var x = groupX + (index * barWidth);
                var label = $"{categories[category].Replace('\n', ' ')} · {one.Name}: {format(value)}";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{BarClass(one)}\" x=\"{Number(x)}\" y=\"{Number(baseline - barHeight)}\" width=\"{Number(barWidth - 2)}\" height=\"{Number(barHeight)}\"><title>{Encode(label)}</title></rect>");
                if (value > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text class=\"chart__value\" x=\"{Number(x + ((barWidth - 2) / 2))}\" y=\"{Number(baseline - barHeight - 3)}\" text-anchor=\"middle\">{Encode(format(value))}</text>");
                }
            }

            var lines = categories[category].Split('\n');
            var centre = groupX + (seriesCount * barWidth / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Number(centre)}\" y=\"{baseline + 15}\" text-anchor=\"middle\">");
            for (var line = 0; line < lines.Length; line++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{Number(centre)}\" dy=\"{(line == 0 ? 0 : 14)}\">{Encode(lines[line])}</tspan>");
            }

            svg.Append("</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{AxisWidth}\" y1=\"{baseline}\" x2=\"{AxisWidth + plotWidth}\" y2=\"{baseline}\"></line>");
        return Close(svg);
    }

    /// <summary>Horizontal bars, one per labelled value, the label on the left and the value at the bar's end.</summary>
    /// <param name="id">Unique on the page: names the title and description the chart is labelled by.</param>
    public static IHtmlContent HorizontalBars(string id, string title, string description, IReadOnlyList<Bar> bars, Func<double, string> format)
    {
        var labelWidth = Math.Clamp(bars.Select(bar => TextWidth(bar.Label)).DefaultIfEmpty(0).Max() + 12, 60, 240);
        var width = labelWidth + BarAreaWidth + ValueWidth;
        var height = (Math.Max(1, bars.Count) * BarRowHeight) + 8;
        var top = Scale(bars.Select(bar => bar.Value));

        var svg = Open(id, title, description, width, height);
        for (var index = 0; index < bars.Count; index++)
        {
            var bar = bars[index];
            var value = Math.Max(0, bar.Value);
            var y = 4 + (index * BarRowHeight);
            var barWidth = BarAreaWidth * value / top;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{Number(barWidth)}\" height=\"{BarRowHeight - 8}\"><title>{Encode($"{bar.Label}: {format(value)}")}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{Number(labelWidth + barWidth + 6)}\" y=\"{y + 16}\">{Encode(format(value))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{labelWidth}\" y1=\"0\" x2=\"{labelWidth}\" y2=\"{height}\"></line>");
        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height)
    {
        var name = Encode(id);
        var svg = new StringBuilder(2048);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"{name}-title {name}-desc\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{name}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{name}-desc\">{Encode(description)}</desc>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    /// <summary>
    /// A round top for the value axis at or above the largest value: 1, 2, 4, 6 or 8 times a power of
    /// ten, or 10 (1 when all are zero), so that half of it is round too. For whole numbers, at least
    /// 2, so that the middle of the axis is a whole number.
    /// </summary>
    public static double Scale(IEnumerable<double> values, bool wholeNumbers = false)
    {
        var largest = values.Select(value => Math.Max(0, value)).DefaultIfEmpty(0).Max();
        if (largest <= 0 || double.IsNaN(largest) || double.IsInfinity(largest))
        {
            return wholeNumbers ? 2 : 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        var top = 10 * power;
        foreach (var step in new[] { 1, 2, 4, 6, 8 })
        {
            if (largest <= step * power)
            {
                top = step * power;
                break;
            }
        }

        return wholeNumbers ? Math.Max(2, Math.Ceiling(top)) : top;
    }

    /// <summary>An estimate of a label's width at the chart's 12px type: Chinese characters are square, Latin ones about half as wide.</summary>
    private static int TextWidth(string text) => (int)Math.Ceiling(text.Sum(character => character > 0x2E7F ? 12.0 : 6.6));

    private static string BarClass(Series series) => series.Alternate ? "bar bar--alt" : "bar";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
