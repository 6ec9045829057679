using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Reports.GetCaseReport;

/// <summary>
/// The case report (案件统计报表) of a period, per centre and pipeline: cases opened and closed
/// (by month, for the chart), the on-time rate against statutory limits, the median time spent in
/// each step, and fast-track grant times. Supervisors and centre administrators see their own centre
/// only (another centre is answered 404, as if it did not exist); system administrators every centre.
/// </summary>
/// <remarks>
/// <para>The period runs from the start of <see cref="From"/> to the end of <see cref="To"/> in UTC+8,
/// the local time of every region of the 9+2. An instant belongs to the period if it falls within it.</para>
/// <para><b>Opened</b>: cases filed in the period, counted for the centre they were filed with.</para>
/// <para><b>Closed</b>: cases that reached a terminal state of their workflow in the period (the
/// timeline entry that moved them there), counted for the centre handling them when they closed.</para>
/// <para><b>On time</b>: only the clocks <see cref="StatutoryTimeLimits"/> classes as statutory. A
/// deadline counts in the period in which its outcome was settled: a deadline met in time (Met) when
/// it was met; a missed one (MetLate, Overdue, Lapsed, ExpiredByAction, or still running past its due
/// time) when it fell due, which is when it was missed. Deadlines still counting, paused or awaiting
/// the calendar are not settled and not counted. It is counted for the centre responsible for it (whose
/// calendar counts it). A deadline started again (e.g. a case back in triage after a declined
/// referral) counts once, as it last stands. On-time rate = met in time ÷ settled.</para>
/// <para><b>Time per step</b>: the time a case spent in a state before leaving it, in days (fractions
/// included), from the timeline entry that moved the case into the state to the one that moved it out;
/// steps that stay in place do not end it. Counted in the period in which the case left the state,
/// for the centre handling the case while it was in it; time in a state not yet left is not counted.
/// Median = PostgreSQL's percentile_cont(0.5): the middle value, or the mean of the two middle ones.</para>
/// <para><b>Grant times</b> (fast-track only): calendar days from the filing date (UTC+8) to the grant
/// date CNIPA's decision gives (recorded with the grant), for cases granted in the period by that date,
/// in all and by patent type; the median and 90th percentile are percentile_cont(0.5) and (0.9),
/// interpolated between neighbouring values.</para>
/// </remarks>
/// <param name="Centre">One centre; null for every centre the caller may see (staff: their own).</param>
/// <param name="Workflow">One pipeline by its workflow id, e.g. <c>rights-defence</c>; null for all.</param>
/// <param name="From">The first day of the period, inclusive.</param>
/// <param name="To">The last day of the period, inclusive; at most <see cref="MaximumYears"/> years after <see cref="From"/>.</param>
public sealed record GetCaseReportQuery(CentreCode? Centre, string? Workflow, DateOnly? From, DateOnly? To) : IQuery<CaseReport>
{
    /// <summary>The longest period a report covers: long enough for a multi-year comparison, short enough to stay quick.</summary>
    public const int MaximumYears = 3;

    /// <summary>The local time of every 9+2 region (China Standard Time, Hong Kong Time, Macao Time).</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);

    /// <summary>The earliest and latest days a period may name.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2999, 12, 31);
}

/// <summary>The report: the period and filters it was asked for, when it was computed, and a section per centre and pipeline with anything to report.</summary>
/// <param name="Centre">The centre reported on; null for all the caller sees.</param>
public sealed record CaseReport(DateOnly From, DateOnly To, string? Centre, string? Workflow, DateTimeOffset AsOf, IReadOnlyList<CaseReportSection> Sections);

/// <summary>One centre's figures for one pipeline.</summary>
/// <param name="CentreName">The centre's registered name.</param>
/// <param name="WorkflowVersion">The pipeline's latest version, whose state names the steps are shown by.</param>
/// <param name="Months">Every month of the period, oldest first, those without cases included.</param>
/// <param name="Steps">Time per step, in the order of the pipeline's states.</param>
/// <param name="Grants">Fast-track grant times; null for the other pipelines.</param>
public sealed record CaseReportSection(
    string Centre,
    string CentreName,
    string Workflow,
    int WorkflowVersion,
    int Opened,
    int Closed,
    IReadOnlyList<MonthlyCaseCount> Months,
    StatutoryDeadlineOutcomes Deadlines,
    IReadOnlyList<StepDuration> Steps,
    GrantTimes? Grants);

/// <summary>Cases opened and closed in one calendar month (UTC+8).</summary>
public sealed record MonthlyCaseCount(int Year, int Month, int Opened, int Closed);

/// <summary>Statutory deadlines settled in the period: in all and per clock (every statutory clock of the pipeline, none settled included).</summary>
/// <param name="OnTimeRate">OnTime ÷ Settled, from 0 to 1; null when none was settled.</param>
public sealed record StatutoryDeadlineOutcomes(int Settled, int OnTime, int Late, double? OnTimeRate, IReadOnlyList<ClockDeadlineOutcomes> Clocks);

public sealed record ClockDeadlineOutcomes(string Clock, int Settled, int OnTime, int Late, double? OnTimeRate);

/// <summary>How long cases stayed in a state before leaving it in the period: how many stays ended, and their median in days.</summary>
public sealed record StepDuration(string State, int Count, double MedianDays);

/// <summary>Filing to grant, in days, for fast-track cases granted in the period: in all, then per patent type.</summary>
public sealed record GrantTimes(int Count, double? MedianDays, double? Percentile90Days, IReadOnlyList<PatentTypeGrantTimes> ByPatentType);

/// <param name="PatentType">Invention, UtilityModel or Design, as recorded with the grant.</param>
public sealed record PatentTypeGrantTimes(string PatentType, int Count, double MedianDays, double Percentile90Days);
