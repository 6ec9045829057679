using System.Data;
using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Workflows.Cases;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Pipeline;
using Cases.Workflows.Pipelines;
using MediatR;
using Npgsql;
using NpgsqlTypes;

namespace Cases.Workflows.Reports.GetCaseReport;

/// <summary>
/// Computes the report in PostgreSQL, one statement per measure, all in one read-only snapshot so
/// the figures agree with each other. What each measure counts is set out on <see cref="GetCaseReportQuery"/>.
/// </summary>
public sealed class GetCaseReportHandler(NpgsqlDataSource dataSource, ICurrentActor current, CaseAccess access, WorkflowCatalog workflows, TimeProvider time)
    : IRequestHandler<GetCaseReportQuery, CaseReport>
{
    private static readonly Role[] ReportRoles = [Role.Supervisor, Role.CentreAdmin, Role.SystemAdmin];

    // The fast-track step and facts grant times are read from (FastTrackPreExaminationWorkflow's recordGrant).
    private const string GrantedState = "Granted";
    private const string GrantDateFact = "grantDate";
    private const string PatentTypeFact = "patentType";

    // The deadline statuses of a settled outcome; Running past its due time is settled (missed) too.
    private const string SettledStatuses = "('Met', 'MetLate', 'Overdue', 'Lapsed', 'ExpiredByAction')";

    public async Task<CaseReport> Handle(GetCaseReportQuery query, CancellationToken cancellationToken)
    {
        current.Require(ReportRoles, "The case report");
        // Staff report on their own centre whether or not they name it; another centre does not exist for them.
        var centre = query.Centre ?? access.Scope.Centre;
        if (centre is { } named)
        {
            access.EnsureCentreInScope(named);
        }
        else if (!access.Scope.Unrestricted)
        {
            throw new ForbiddenException($"The case report covers a centre's cases; {access.Scope} has none.");
        }

        var from = query.From!.Value;
        var to = query.To!.Value;
        var now = time.GetUtcNow();
        var period = new Period(
            new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), GetCaseReportQuery.LocalOffset),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), GetCaseReportQuery.LocalOffset),
            from,
            to,
            centre?.Value,
            query.Workflow,
            now);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot: a case closing while the report runs is either in every figure or in none.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (centre is { } code && !await CentreExistsAsync(connection, transaction, code, cancellationToken))
        {
            throw new NotFoundException("Centre", code.Value);
        }

        var opened = await MonthlyAsync(connection, transaction, OpenedSql, period, cancellationToken);
        var closed = await MonthlyAsync(connection, transaction, ClosedSql, period, cancellationToken, TerminalStateParameters());
        var deadlines = await DeadlinesAsync(connection, transaction, period, cancellationToken);
        var steps = await StepsAsync(connection, transaction, period, cancellationToken);
        var grants = await GrantsAsync(connection, transaction, period, cancellationToken);

        var keys = opened.Keys.Select(key => (key.Centre, key.Workflow))
            .Concat(closed.Keys.Select(key => (key.Centre, key.Workflow)))
            .Concat(deadlines.Keys.Select(key => (key.Centre, key.Workflow)))
            .Concat(steps.Keys.Select(key => (key.Centre, key.Workflow)))
            .Concat(grants.Keys)
            .Where(key => Latest(key.Workflow) is not null)
            .Distinct()
            .OrderBy(key => key.Centre, StringComparer.Ordinal)
            .ThenBy(key => key.Workflow, StringComparer.Ordinal)
            .ToList();
        var names = await CentreNamesAsync(connection, transaction, [.. keys.Select(key => key.Centre).Distinct()], cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var months = Months(from, to);
        var sections = keys.Select(key =>
        {
            var definition = Latest(key.Workflow)!;
            var monthly = months.Select(month => new MonthlyCaseCount(
                month.Year,
                month.Month,
                opened.GetValueOrDefault((key.Centre, key.Workflow, month)),
                closed.GetValueOrDefault((key.Centre, key.Workflow, month)))).ToList();
            return new CaseReportSection(
                key.Centre,
                names.GetValueOrDefault(key.Centre, key.Centre),
                key.Workflow,
                definition.Version,
                monthly.Sum(month => month.Opened),
                monthly.Sum(month => month.Closed),
                monthly,
                Outcomes(key, deadlines),
                StepsInOrder(definition, steps.Where(step => step.Key.Centre == key.Centre && step.Key.Workflow == key.Workflow).Select(step => step.Value)),
                key.Workflow == FastTrackPreExaminationWorkflow.Id ? grants.GetValueOrDefault(key, new GrantTimes(0, null, null, [])) : null);
        }).ToList();

        return new CaseReport(from, to, centre?.Value, query.Workflow, now, sections);
    }

    /// <summary>The filters and the period as instants (start inclusive, end exclusive) and as days (both inclusive).</summary>
    private sealed record Period(DateTimeOffset Start, DateTimeOffset End, DateOnly FirstDay, DateOnly LastDay, string? Centre, string? Workflow, DateTimeOffset Now);

    // Cases filed in the period, by the centre filed with and the month (UTC+8) of filing. Index: cases_filed_at.
    private const string OpenedSql = """
        SELECT c.centre_code, c.workflow_id, date_trunc('month', c.filed_at AT TIME ZONE INTERVAL '+08:00')::date, count(*)::int
        FROM cases c
        WHERE c.filed_at >= @start AND c.filed_at < @end
          AND (@centre::text IS NULL OR c.centre_code = @centre)
          AND (@workflow::text IS NULL OR c.workflow_id = @workflow)
        GROUP BY 1, 2, 3
        """;

    // The timeline entry that moved a case into the terminal state it is in: nothing leaves a
    // terminal state, so there is one per closed case; its handling centre cannot change after it.
    // Indexes: for one centre, cases_workflow and cases_handling_queue find its closed cases; for all,
    // case_events_occurred_at (0010) finds the period's entries.
    private const string ClosedSql = """
        SELECT c.handling_centre_code, c.workflow_id, date_trunc('month', e.occurred_at AT TIME ZONE INTERVAL '+08:00')::date, count(*)::int
        FROM case_events e
        JOIN cases c ON c.id = e.case_id
        JOIN unnest(@terminalWorkflows::text[], @terminalVersions::int[], @terminalStates::text[]) AS t(workflow_id, workflow_version, state)
          ON t.workflow_id = c.workflow_id AND t.workflow_version = c.workflow_version AND t.state = c.state
        WHERE e.occurred_at >= @start AND e.occurred_at < @end
          AND e.data ? 'to' AND e.data->>'to' = c.state
          AND (e.data->>'from') IS DISTINCT FROM (e.data->>'to')
          AND (@centre::text IS NULL OR c.handling_centre_code = @centre)
          AND (@workflow::text IS NULL OR c.workflow_id = @workflow)
        GROUP BY 1, 2, 3
        """;

    // A stay in a state ends with an entry moving the case out of it (from ≠ to) and began with the
    // case's previous state change (the filing, or an entry with from ≠ to). Its centre is the one
    // handling the case after that beginning: the last referral taken over by then, else the centre
    // filed with. Days are fractional: seconds ÷ 86400. Index: case_events_occurred_at (0010) finds
    // the period's entries; the primary key walks back to each stay's beginning.
    private const string StepsSql = """
        SELECT stay.centre, stay.workflow_id, stay.state, count(*)::int,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY stay.days)
        FROM (
            SELECT coalesce(handling.centre, c.centre_code) AS centre, c.workflow_id, l.data->>'from' AS state,
                   (extract(epoch FROM l.occurred_at - p.occurred_at) / 86400)::float8 AS days
            FROM case_events l
            JOIN cases c ON c.id = l.case_id
            CROSS JOIN LATERAL (
                SELECT p.sequence, p.occurred_at FROM case_events p
                WHERE p.case_id = l.case_id AND p.sequence < l.sequence
                  AND p.data ? 'to' AND (p.data->>'from') IS DISTINCT FROM (p.data->>'to')
                ORDER BY p.sequence DESC
                LIMIT 1) p
            LEFT JOIN LATERAL (
                SELECT h.data->>'handlingCentre' AS centre FROM case_events h
                WHERE h.case_id = l.case_id AND h.sequence <= p.sequence AND h.data ? 'handlingCentre'
                ORDER BY h.sequence DESC
                LIMIT 1) handling ON true
            WHERE l.occurred_at >= @start AND l.occurred_at < @end
              AND l.data ? 'to' AND l.data ? 'from' AND l.data->>'from' <> l.data->>'to'
              AND (@workflow::text IS NULL OR c.workflow_id = @workflow)
        ) stay
        WHERE @centre::text IS NULL OR stay.centre = @centre
        GROUP BY 1, 2, 3
        """;

    // Statutory deadlines by the moment their outcome was settled: met in time when met, missed when
    // due. The first branch's expression is that of index deadlines_settled (0010); the second reads
    // deadlines_expiry_due (0004).
    private const string DeadlinesSql = $"""
        WITH statutory AS (
            SELECT * FROM unnest(@statutoryWorkflows::text[], @statutoryClocks::text[]) AS s(workflow_id, clock)
        ), settled AS (
            SELECT d.centre_code, d.workflow_id, d.clock, d.status = 'Met' AS on_time
            FROM deadlines d
            WHERE d.status IN {SettledStatuses}
              AND (CASE WHEN d.status = 'Met' THEN d.closed_at ELSE d.due_at END) >= @start
              AND (CASE WHEN d.status = 'Met' THEN d.closed_at ELSE d.due_at END) < @end
            UNION ALL
            SELECT d.centre_code, d.workflow_id, d.clock, false
            FROM deadlines d
            WHERE d.status = 'Running' AND d.due_at <= @now AND d.due_at >= @start AND d.due_at < @end
        )
        SELECT settled.centre_code, settled.workflow_id, settled.clock,
               count(*) FILTER (WHERE settled.on_time)::int, count(*) FILTER (WHERE NOT settled.on_time)::int
        FROM settled
        JOIN statutory ON statutory.workflow_id = settled.workflow_id AND statutory.clock = settled.clock
        WHERE (@centre::text IS NULL OR settled.centre_code = @centre)
          AND (@workflow::text IS NULL OR settled.workflow_id = @workflow)
        GROUP BY 1, 2, 3
        """;

    // Fast-track cases granted in the period by the recorded grant date (not the instant it was
    // recorded): filing date (UTC+8) to grant date in whole days; all types together (patent type
    // aggregated away in the grouping) and each type. Index: cases_workflow (0002) finds the
    // pipeline's granted cases.
    private const string GrantsSql = """
        SELECT g.centre, g.patent_type, GROUPING(g.patent_type) = 1 AS all_types, count(*)::int,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY g.days), percentile_cont(0.9) WITHIN GROUP (ORDER BY g.days)
        FROM (
            SELECT granted.centre, granted.patent_type, (granted.grant_date - granted.filed_on)::float8 AS days
            FROM (
                SELECT c.handling_centre_code AS centre, c.facts->>@patentTypeFact AS patent_type,
                       (c.filed_at AT TIME ZONE INTERVAL '+08:00')::date AS filed_on,
                       -- The workflow stores the date as yyyy-MM-dd; anything else is left out rather than failing the report.
                       CASE WHEN c.facts->>@grantDateFact ~ '^\d{4}-\d{2}-\d{2}$' THEN (c.facts->>@grantDateFact)::date END AS grant_date
                FROM cases c
                WHERE c.workflow_id = @fastTrack AND c.state = @granted
                  AND (@centre::text IS NULL OR c.handling_centre_code = @centre)
            ) granted
            WHERE granted.grant_date BETWEEN @firstDay AND @lastDay
        ) g
        GROUP BY GROUPING SETS ((g.centre), (g.centre, g.patent_type))
        """;

    private async Task<Dictionary<(string Centre, string Workflow, DateOnly Month), int>> MonthlyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Period period, CancellationToken cancellationToken, params NpgsqlParameter[] extra)
    {
        await using var command = Command(connection, transaction, sql, period, extra);
        var counts = new Dictionary<(string, string, DateOnly), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2))] = reader.GetInt32(3);
        }

        return counts;
    }

    private static async Task<Dictionary<(string Centre, string Workflow, string Clock), (int OnTime, int Late)>> DeadlinesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, DeadlinesSql, period,
            TextArray("statutoryWorkflows", StatutoryTimeLimits.All.Select(limit => limit.WorkflowId)),
            TextArray("statutoryClocks", StatutoryTimeLimits.All.Select(limit => limit.Clock)));
        var outcomes = new Dictionary<(string, string, string), (int, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = (reader.GetInt32(3), reader.GetInt32(4));
        }

        return outcomes;
    }

    private static async Task<Dictionary<(string Centre, string Workflow, string State), StepDuration>> StepsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, StepsSql, period);
        var steps = new Dictionary<(string, string, string), StepDuration>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = reader.GetString(2);
            steps[(reader.GetString(0), reader.GetString(1), state)] = new StepDuration(state, reader.GetInt32(3), reader.GetDouble(4));
        }

        return steps;
    }

    private static async Task<Dictionary<(string Centre, string Workflow), GrantTimes>> GrantsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Period period, CancellationToken cancellationToken)
    {
        if (period.Workflow is { } only && only != FastTrackPreExaminationWorkflow.Id)
        {
            return [];
        }

        await using var command = Command(connection, transaction, GrantsSql, period,
            new NpgsqlParameter("fastTrack", NpgsqlDbType.Text) { Value = FastTrackPreExaminationWorkflow.Id },
            new NpgsqlParameter("granted", NpgsqlDbType.Text) { Value = GrantedState },
            new NpgsqlParameter("grantDateFact", NpgsqlDbType.Text) { Value = GrantDateFact },
            new NpgsqlParameter("patentTypeFact", NpgsqlDbType.Text) { Value = PatentTypeFact });
        command.Parameters.Add(new NpgsqlParameter("firstDay", NpgsqlDbType.Date) { Value = period.FirstDay });
        command.Parameters.Add(new NpgsqlParameter("lastDay", NpgsqlDbType.Date) { Value = period.LastDay });

        var all = new Dictionary<string, (int Count, double Median, double Percentile90)>();
        var byType = new Dictionary<string, List<PatentTypeGrantTimes>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var centre = reader.GetString(0);
                var (count, median, percentile90) = (reader.GetInt32(3), reader.GetDouble(4), reader.GetDouble(5));
                if (reader.GetBoolean(2))
                {
                    all[centre] = (count, median, percentile90);
                }
                else
                {
                    var patentType = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
                    (byType.TryGetValue(centre, out var list) ? list : byType[centre] = []).Add(new PatentTypeGrantTimes(patentType, count, median, percentile90));
                }
            }
        }

        return all.ToDictionary(
            pair => (pair.Key, FastTrackPreExaminationWorkflow.Id),
            pair => new GrantTimes(pair.Value.Count, pair.Value.Median, pair.Value.Percentile90, [.. byType.GetValueOrDefault(pair.Key, []).OrderBy(type => type.PatentType, StringComparer.Ordinal)]));
    }

    private static async Task<bool> CentreExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CentreCode centre, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM protection_centres WHERE code = @code)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = centre.Value });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<string, string>> CentreNamesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (codes.Count == 0)
        {
            return names;
        }

        await using var command = new NpgsqlCommand("SELECT code, name FROM protection_centres WHERE code = ANY(@codes)", connection, transaction);
        command.Parameters.Add(TextArray("codes", codes));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return names;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Period period, params NpgsqlParameter[] extra)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = period.Start.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = period.End.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = period.Now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter("centre", NpgsqlDbType.Text) { Value = (object?)period.Centre ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("workflow", NpgsqlDbType.Text) { Value = (object?)period.Workflow ?? DBNull.Value });
        command.Parameters.AddRange(extra);
        return command;
    }

    private NpgsqlParameter[] TerminalStateParameters()
    {
        var terminal = workflows.All
            .SelectMany(definition => definition.States.Where(state => state.Kind == StateKind.Terminal).Select(state => (definition.Id, definition.Version, state.Name)))
            .ToList();
        return
        [
            TextArray("terminalWorkflows", terminal.Select(state => state.Id)),
            new NpgsqlParameter("terminalVersions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = terminal.Select(state => state.Version).ToArray() },
            TextArray("terminalStates", terminal.Select(state => state.Name)),
        ];
    }

    private static NpgsqlParameter TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private WorkflowDefinition? Latest(string workflowId) =>
        workflows.All.Where(definition => definition.Id == workflowId).MaxBy(definition => definition.Version);

    private static StatutoryDeadlineOutcomes Outcomes((string Centre, string Workflow) key, Dictionary<(string Centre, string Workflow, string Clock), (int OnTime, int Late)> deadlines)
    {
        var clocks = StatutoryTimeLimits.Of(key.Workflow).Select(clock =>
        {
            var (onTime, late) = deadlines.GetValueOrDefault((key.Centre, key.Workflow, clock));
            return new ClockDeadlineOutcomes(clock, onTime + late, onTime, late, Rate(onTime, late));
        }).ToList();
        var allOnTime = clocks.Sum(clock => clock.OnTime);
        var allLate = clocks.Sum(clock => clock.Late);
        return new StatutoryDeadlineOutcomes(allOnTime + allLate, allOnTime, allLate, Rate(allOnTime, allLate), clocks);
    }

    private static double? Rate(int onTime, int late) => onTime + late == 0 ? null : (double)onTime / (onTime + late);

    private static List<StepDuration> StepsInOrder(WorkflowDefinition definition, IEnumerable<StepDuration> steps)
    {
        var order = definition.States.Select((state, index) => (state.Name, index)).ToDictionary(pair => pair.Name, pair => pair.index, StringComparer.Ordinal);
        return [.. steps.OrderBy(step => order.GetValueOrDefault(step.State, int.MaxValue)).ThenBy(step => step.State, StringComparer.Ordinal)];
    }

    /// <summary>The first day of every month the period touches, oldest first.</summary>
    private static List<DateOnly> Months(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }
}
