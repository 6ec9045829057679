using System.Globalization;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Cases.Workflows.Pipelines;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.ListAssignedCases;

/// <summary>
/// Finds the cases that are the caller's as mediator or arbitrator. The matching rule:
/// <list type="bullet">
/// <item>Assigning a mediator (指派调解员) or forming a tribunal (组成仲裁庭) records a person's
/// name, typed or picked by staff, not an account. A mediation or arbitration case is the caller's
/// when its kept <c>mediator</c> (for a caller with the Mediator role) or <c>arbitrator</c> (for a
/// caller with the Arbitrator role) equals the caller's display name or user name, ignoring letter
/// case and surrounding spaces: the same person key as the conflict-of-interest check uses.</item>
/// <item>Two accounts with the same display name therefore both see the case; centres keep their
/// neutrals' display names distinct (the list staff pick from shows the user name beside each).</item>
/// <item>A rights-defence case referred to mediation (转调解) names no mediator: while it is in
/// mediation it is every mediator's of the centre handling it (any of them may record the
/// outcome), and afterwards the caller's if the caller recorded the outcome.</item>
/// <item>Always within the caller's scope: another centre's case is never listed, whatever its names.</item>
/// </list>
/// </summary>
public sealed class AssignedCaseReader(CasesDbContext database, CaseAccess access, ICurrentActor currentActor, WorkflowCatalog workflows)
{
    /// <summary>The payload fields the assignment steps keep on the case.</summary>
    public const string MediatorFact = "mediator";

    public const string ArbitratorFact = "arbitrator";

    /// <summary>The rights-defence state in which a mediator acts.</summary>
    public const string RightsDefenceMediationState = "InMediation";

    /// <summary>The timeline entry of a mediation session.</summary>
    public const string SessionHeld = "MediationSessionHeld";

    /// <summary>The timeline entries by which a rights-defence mediation ends.</summary>
    private static readonly string[] RightsDefenceMediationEnds = ["DisputeSettled", "MediationFailed"];

    /// <summary>The other steps a neutral wants to see on the case: assignment, outcome, hearing, award.</summary>
    private static readonly string[] StepEvents =
    [
        "RespondentConsented", "MediatorAssigned", "MediationAgreementReached", "JudicialConfirmationApplied", "MediationClosed",
        "MediationFailed", "MediationEnded", "ArbitrationRequested", "ArbitrationAccepted", "TribunalFormed", "ForeignRelatedTribunalFormed",
        "ArbitrationHearingHeld", "AwardRendered", "ApplicationWithdrawn", "CaseReferredToMediation", "DisputeSettled",
    ];

    /// <summary>The time limits a neutral works to.</summary>
    private static readonly string[] NeutralClocks =
    [
        MediationArbitrationWorkflow.Clocks.RespondentConsent,
        MediationArbitrationWorkflow.Clocks.JudicialConfirmation,
        MediationArbitrationWorkflow.Clocks.DomesticAward,
        MediationArbitrationWorkflow.Clocks.ForeignRelatedAward,
        RightsDefenceWorkflow.Clocks.HandlingDecision,
    ];

    /// <summary>The date field each step records, in the order they are looked for.</summary>
    private static readonly string[] DateFields = ["sessionDate", "agreementDate", "appliedOn", "receivedOn", "hearingDate", "awardDate"];

    /// <summary>The text field each step records, in the order they are looked for; else the step's reason.</summary>
    private static readonly string[] TextFields = ["terms", "agreementTerms", "summary", "court", "mediator", "arbitrator"];

    /// <summary>
    /// The caller's assigned cases: all of them, or only <paramref name="only"/>; a closed one only if
    /// its part ended at or after <paramref name="closedSince"/> (null: however long ago).
    /// </summary>
    public async Task<IReadOnlyList<AssignedCaseView>> ReadAsync(CaseId? only, DateTimeOffset? closedSince, int limit, CancellationToken cancellationToken)
    {
        var roles = currentActor.Roles;
        var asMediator = roles.Contains(Role.Mediator);
        var asArbitrator = roles.Contains(Role.Arbitrator);
        if ((!asMediator && !asArbitrator) || currentActor.UserId is not { } userId)
        {
            return [];
        }

        var me = await database.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new { UserName = user.UserName!, user.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (me is null)
        {
            return [];
        }

        string[] keys = [.. new[] { me.UserName, me.DisplayName }.Where(name => !string.IsNullOrWhiteSpace(name)).Select(PersonKey).Distinct(StringComparer.Ordinal)];
        var onlyId = only?.Value;

        // The kept names live in the case's facts (jsonb): matched in the database, where the scope then applies.
        var named = database.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM cases
            WHERE workflow_id = {MediationArbitrationWorkflow.Id}
              AND (({asMediator} AND lower(btrim(facts ->> 'mediator')) = ANY({keys}))
                OR ({asArbitrator} AND lower(btrim(facts ->> 'arbitrator')) = ANY({keys})))
            """);
        var rows = access.VisibleRows().Where(row => named.Contains(row.Id));
        if (onlyId is { } id)
        {
            rows = rows.Where(row => row.Id == id);
        }

        if (closedSince is { } since)
        {
            var terminal = TerminalStates(MediationArbitrationWorkflow.Id);
            rows = rows.Where(row => !terminal.Contains(row.State) || row.UpdatedAt >= since);
        }

        var candidates = await rows.OrderByDescending(row => row.UpdatedAt).ThenBy(row => row.Id).Take(limit).ToListAsync(cancellationToken);

        // Rights defence: in mediation at a centre the caller may act for, or ended by the caller.
        var endedByMe = new Dictionary<Guid, DateTimeOffset>();
        if (asMediator)
        {
            var inMediation = access.VisibleRows().Where(row => row.WorkflowId == RightsDefenceWorkflow.Id && row.State == RightsDefenceMediationState);
            if (!access.Scope.Unrestricted)
            {
                var centre = access.Scope.Centre?.Value;
                inMediation = inMediation.Where(row => row.HandlingCentreCode == centre);
            }

            if (onlyId is { } rightsDefenceId)
            {
                inMediation = inMediation.Where(row => row.Id == rightsDefenceId);
            }

            candidates.AddRange(await inMediation.OrderByDescending(row => row.UpdatedAt).ThenBy(row => row.Id).Take(limit).ToListAsync(cancellationToken));

            var ends = database.CaseEvents.AsNoTracking()
                .Where(@event => @event.Actor == me.UserName && RightsDefenceMediationEnds.Contains(@event.Type));
            if (closedSince is { } endedSince)
            {
                ends = ends.Where(@event => @event.OccurredAt >= endedSince);
            }

            if (only is { } onlyCase)
            {
                ends = ends.Where(@event => @event.CaseId == onlyCase);
            }

            foreach (var end in await ends.OrderByDescending(@event => @event.OccurredAt).Take(limit).Select(@event => new { @event.CaseId, @event.OccurredAt }).ToListAsync(cancellationToken))
            {
                endedByMe.TryAdd(end.CaseId.Value, end.OccurredAt);
            }

            var endedIds = endedByMe.Keys.ToList();
            candidates.AddRange(await access.VisibleRows()
                .Where(row => endedIds.Contains(row.Id) && row.WorkflowId == RightsDefenceWorkflow.Id && row.State != RightsDefenceMediationState)
                .ToListAsync(cancellationToken));
            candidates = [.. candidates.DistinctBy(row => row.Id)];
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var caseIds = candidates.Select(row => new CaseId(row.Id)).ToList();
        var cases = await database.Cases.AsNoTracking().Where(@case => caseIds.Contains(@case.Id)).ToListAsync(cancellationToken);
        var events = (await database.CaseEvents.AsNoTracking()
                .Where(@event => caseIds.Contains(@event.CaseId) && (@event.Type == SessionHeld || StepEvents.Contains(@event.Type)))
                .OrderBy(@event => @event.Sequence)
                .ToListAsync(cancellationToken))
            .ToLookup(@event => @event.CaseId);
        var deadlines = (await database.Deadlines.AsNoTracking()
                .Where(deadline => caseIds.Contains(deadline.CaseId) && NeutralClocks.Contains(deadline.Clock))
                .OrderBy(deadline => deadline.StartedAt).ThenBy(deadline => deadline.Clock)
                .ToListAsync(cancellationToken))
            .ToLookup(deadline => deadline.CaseId);

        var views = new List<AssignedCaseView>(cases.Count);
        foreach (var @case in cases)
        {
            var assignments = AssignmentsOf(@case, keys, asMediator, asArbitrator);
            if (assignments.Count == 0)
            {
                continue;
            }

            var (closed, closedAt) = ClosedOf(@case, endedByMe);
            if (closed && closedAt < closedSince)
            {
                continue;
            }

            var caseEvents = events[@case.Id].ToList();
            views.Add(new AssignedCaseView(
                @case.Id.Value,
                @case.Number.ToString(),
                @case.Title,
                @case.Summary,
                @case.Kind,
                @case.State.Name,
                new WorkflowPinView(@case.WorkflowId, @case.WorkflowVersion),
                @case.HandlingCentre.Value,
                @case.Version,
                assignments,
                @case.Facts.GetValueOrDefault(MediatorFact),
                @case.Facts.GetValueOrDefault(ArbitratorFact),
                [.. @case.Parties.OrderBy(party => party.Ordinal).Select(party => new AssignedCasePartyView(party.Role, party.Kind, party.Name))],
                [.. caseEvents.Where(@event => @event.Type == SessionHeld).Select(SessionOf)],
                [.. caseEvents.Where(@event => @event.Type != SessionHeld).Select(StepOf)],
                [.. deadlines[@case.Id].Select(deadline => DeadlineView.From(deadline, @case.Number.ToString()))],
                OpenActionsOf(@case, assignments, roles),
                closed,
                closedAt,
                @case.FiledAt,
                @case.UpdatedAt));
        }

        // Open cases with a step for the caller first, the soonest deadline first; then those waiting on others; then the closed, latest first.
        return [.. views
            .OrderBy(view => view.Closed ? 2 : view.OpenActions.Count > 0 ? 0 : 1)
            .ThenBy(view => view.Closed ? DateOnly.MaxValue : NextLastDay(view))
            .ThenByDescending(view => view.ClosedAt ?? view.UpdatedAt)
            .ThenBy(view => view.Number, StringComparer.Ordinal)];
    }

    /// <summary>A name as the assignment and the conflict-of-interest check compare it.</summary>
    public static string PersonKey(string name) => name.Trim().ToLowerInvariant();

    private HashSet<string> TerminalStates(string workflowId) =>
        [.. workflows.All.Where(definition => definition.Id == workflowId)
            .SelectMany(definition => definition.States)
            .Where(state => state.Kind == StateKind.Terminal)
            .Select(state => state.Name)];

    private static List<NeutralAssignment> AssignmentsOf(Case @case, string[] keys, bool asMediator, bool asArbitrator)
    {
        bool Names(string fact) => @case.Facts.GetValueOrDefault(fact) is { } name && keys.Contains(PersonKey(name), StringComparer.Ordinal);
        var assignments = new List<NeutralAssignment>();
        if (@case.WorkflowId == RightsDefenceWorkflow.Id)
        {
            if (asMediator)
            {
                assignments.Add(NeutralAssignment.CentreMediation);
            }

            return assignments;
        }

        if (asMediator && Names(MediatorFact))
        {
            assignments.Add(NeutralAssignment.Mediator);
        }

        if (asArbitrator && Names(ArbitratorFact))
        {
            assignments.Add(NeutralAssignment.Arbitrator);
        }

        return assignments;
    }

    private (bool Closed, DateTimeOffset? ClosedAt) ClosedOf(Case @case, IReadOnlyDictionary<Guid, DateTimeOffset> endedByMe)
    {
        if (@case.WorkflowId == RightsDefenceWorkflow.Id)
        {
            return @case.State.Name == RightsDefenceMediationState
                ? (false, null)
                : (true, endedByMe.TryGetValue(@case.Id.Value, out var ended) ? ended : @case.UpdatedAt);
        }

        var terminal = workflows.TryGet(@case.Workflow, out var definition) && definition.TryGetState(@case.State.Name, out var state) && state.Kind == StateKind.Terminal;
        return terminal ? (true, @case.UpdatedAt) : (false, null);
    }

    /// <summary>The steps open now to the roles the caller holds the case in: a mediator's steps for a mediator, an arbitrator's for an arbitrator.</summary>
    private IReadOnlyList<string> OpenActionsOf(Case @case, IReadOnlyList<NeutralAssignment> assignments, IReadOnlySet<Role> roles)
    {
        if (!workflows.TryGet(@case.Workflow, out var definition) || !access.Scope.MayChange(@case.HandlingCentre, @case.ReferredTo, @case.Enterprise, ReferralEffect.None))
        {
            return [];
        }

        var acting = assignments.Select(assignment => assignment == NeutralAssignment.Arbitrator ? Role.Arbitrator : Role.Mediator).Where(roles.Contains).ToHashSet();
        return [.. definition.TransitionsFrom(@case.State.Name)
            .Where(transition => transition.Roles.Any(acting.Contains))
            .Select(transition => transition.Action)];
    }

    private static DateOnly NextLastDay(AssignedCaseView view) =>
        view.Deadlines.Where(deadline => deadline.Status is "Running" or "Overdue" && deadline.LastDay is not null)
            .Select(deadline => deadline.LastDay!.Value)
            .DefaultIfEmpty(DateOnly.MaxValue)
            .Min();

    private static MediationSessionView SessionOf(CaseEvent @event) =>
        new(@event.Sequence, DateOf(@event, "sessionDate"), @event.Data.GetValueOrDefault("notes") ?? string.Empty, @event.OccurredAt, @event.Actor);

    private static NeutralStepView StepOf(CaseEvent @event) => new(
        @event.Sequence,
        @event.Data.GetValueOrDefault("action") ?? @event.Type,
        @event.Type,
        DateFields.Select(field => DateOf(@event, field)).FirstOrDefault(date => date is not null),
        TextFields.Select(field => @event.Data.GetValueOrDefault(field)).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text)) ?? @event.Reason,
        @event.OccurredAt,
        @event.Actor);

    private static DateOnly? DateOf(CaseEvent @event, string field) =>
        @event.Data.GetValueOrDefault(field) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
