using System.Globalization;
using Cases.Domain.Regions;
using Cases.Workflows.Reports.GetCaseReport;

namespace Cases.Api.Web;

/// <summary>
/// The names the case report shows, in the reader's language, the same on the page and in the CSV:
/// centres, pipelines, steps, time limits, patent types and months.
/// </summary>
public sealed class CaseReportWords(Texts texts, WorkflowTerms terms)
{
    private static bool InChinese => Texts.LanguageOf(CultureInfo.CurrentUICulture) != Languages.English.Code;

    /// <summary>A regional centre by its region's name (广东 / 廣東 / Guangdong); any other centre by its registered name.</summary>
    public static string Centre(CaseReportSection section) =>
        Region.TryFromCode(section.Centre, out _) ? WorkflowTerms.Centre(section.Centre) : section.CentreName;

    public string Pipeline(string workflowId) => terms.Workflow(workflowId);

    public string State(CaseReportSection section, string state) => terms.State(section.Workflow, section.WorkflowVersion, state);

    /// <summary>A time limit by its clock's name, as the deadlines list names it.</summary>
    public string Clock(string clock) => texts[WorkflowTerms.Words(clock)];

    /// <summary>A patent type as the grant form offers it (Invention, UtilityModel, Design).</summary>
    public string PatentType(string patentType) => terms.Field(patentType);

    /// <summary>A month written out: 2026年1月, or Jan 2026.</summary>
    public static string Month(int year, int month) =>
        InChinese
            ? $"{year}年{month}月"
            : new DateOnly(year, month, 1).ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A month under a chart's bar: the month, with the year on a second line for the first bar and each January.</summary>
    public static string ChartMonth(int year, int month, bool first)
    {
        var name = InChinese ? $"{month}月" : new DateOnly(year, month, 1).ToString("MMM", CultureInfo.CurrentCulture);
        return first || month == 1 ? $"{name}\n{year.ToString(CultureInfo.InvariantCulture)}" : name;
    }

    /// <summary>A month as machines read it, for the CSV: 2026-01.</summary>
    public static string IsoMonth(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
