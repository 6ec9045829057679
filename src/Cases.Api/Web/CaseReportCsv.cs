using System.Globalization;
using System.Text;
using Cases.Workflows.Reports.GetCaseReport;

namespace Cases.Api.Web;

/// <summary>
/// The case report as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows Chinese),
/// one row per centre, pipeline, measure and item, the column names and the words in the reader's
/// language, beside the centre code and with numbers written the same in every language (a dot
/// before decimals, no thousands separator) so the file can be summed as it is. Shared by the page's
/// download and <c>GET /api/reports/cases.csv</c>.
/// </summary>
public sealed class CaseReportCsv(Texts texts, WorkflowTerms terms)
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly CaseReportWords words = new(texts, terms);

    /// <summary>e.g. cases-report-2026-01-01-to-2026-03-31.csv</summary>
    public static string FileName(CaseReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"cases-report-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.csv");

    /// <summary>The file's bytes: the byte-order mark, then the rows.</summary>
    public byte[] Build(CaseReport report)
    {
        var text = new StringBuilder();
        Csv.AppendRow(text, [texts["Report centre code"], texts["Report centre"], texts["Report pipeline"], texts["Period start"], texts["Period end"], texts["Report measure"], texts["Report item"], texts["Report value"]]);
        var from = report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var section in report.Sections)
        {
            var centre = CaseReportWords.Centre(section);
            var pipeline = words.Pipeline(section.Workflow);
            void Row(string measure, string item, double value) =>
                Csv.AppendRow(text, [section.Centre, centre, pipeline, from, to, measure, item, Value(value)]);

            Row(texts["Cases opened"], string.Empty, section.Opened);
            Row(texts["Cases closed"], string.Empty, section.Closed);
            foreach (var month in section.Months)
            {
                Row(texts["Cases opened"], CaseReportWords.IsoMonth(month.Year, month.Month), month.Opened);
                Row(texts["Cases closed"], CaseReportWords.IsoMonth(month.Year, month.Month), month.Closed);
            }

            var deadlines = section.Deadlines;
            Row(texts["Statutory deadlines settled"], string.Empty, deadlines.Settled);
            Row(texts["Met in time"], string.Empty, deadlines.OnTime);
            Row(texts["Deadlines missed"], string.Empty, deadlines.Late);
            if (deadlines.OnTimeRate is { } rate)
            {
                Row(texts["On-time rate (%)"], string.Empty, rate * 100);
            }

            foreach (var clock in deadlines.Clocks)
            {
                var limit = words.Clock(clock.Clock);
                Row(texts["Statutory deadlines settled"], limit, clock.Settled);
                Row(texts["Met in time"], limit, clock.OnTime);
                Row(texts["Deadlines missed"], limit, clock.Late);
                if (clock.OnTimeRate is { } clockRate)
                {
                    Row(texts["On-time rate (%)"], limit, clockRate * 100);
                }
            }

            foreach (var step in section.Steps)
            {
                var state = words.State(section, step.State);
                Row(texts["Times completed"], state, step.Count);
                Row(texts["Median days in step"], state, step.MedianDays);
            }

            if (section.Grants is { } grants)
            {
                Row(texts["Patents granted"], string.Empty, grants.Count);
                if (grants.MedianDays is { } median && grants.Percentile90Days is { } percentile90)
                {
                    Row(texts["Median days from filing to grant"], string.Empty, median);
                    Row(texts["90th percentile of days from filing to grant"], string.Empty, percentile90);
                }

                foreach (var type in grants.ByPatentType)
                {
                    var name = words.PatentType(type.PatentType);
                    Row(texts["Patents granted"], name, type.Count);
                    Row(texts["Median days from filing to grant"], name, type.MedianDays);
                    Row(texts["90th percentile of days from filing to grant"], name, type.Percentile90Days);
                }
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>At most two decimals, a dot before them, whatever the reader's language.</summary>
    private static string Value(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// Writing CSV (RFC 4180) that a spreadsheet opens safely: a cell holding a comma, a quote or a line
/// break is quoted, its quotes doubled; a cell a spreadsheet would run as a formula (starting with
/// = + - @, or a tab or carriage return that some strip before looking) gets a leading apostrophe,
/// so it is shown as the text it is (CSV injection).
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedQuotes = [',', '"', '\n', '\r'];

    public static string Cell(string value)
    {
        if (value.Length > 0 && FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny(NeedQuotes) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Appends the cells as one line, ended by CRLF as RFC 4180 has it.</summary>
    public static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
