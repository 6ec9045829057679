using Cases.Domain.Cases;
using Cases.Domain.Common;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases;

/// <summary>
/// The one place that decides what of a case the caller sees: staff (and system administrators)
/// everything; a key enterprise's user the reduced <see cref="EnterpriseCaseView"/> and a timeline
/// without the centre's internal entries, with staff shown only as <see cref="CentreStaff"/>.
/// Every handler that returns a case or its timeline passes it through here.
/// </summary>
public sealed class CaseAudience(CasesDbContext database, ICurrentActor currentActor)
{
    /// <summary>How a staff member appears to an enterprise: the centre acted, not a named person.</summary>
    public const string CentreStaff = "centre staff";

    /// <summary>
    /// Timeline entries for the centre's eyes only: internal notes, triage's priority decisions
    /// and administrative workflow migrations. (Conflict-of-interest links are a registry of their
    /// own, never on a case's timeline.)
    /// </summary>
    public static IReadOnlySet<string> StaffInternalEvents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CaseEventTypes.InternalNoteAdded,
        CaseEventTypes.CasePriorityChanged,
        CaseEventTypes.CaseWorkflowMigrated,
    };

    private EnterpriseIdentity? enterprise;

    /// <summary>Whether the caller sees cases as a key enterprise does.</summary>
    public bool IsEnterprise => currentActor.Scope.Enterprise is not null;

    public async Task<AudienceCaseView> ViewAsync(Case @case, CancellationToken cancellationToken)
    {
        if (!IsEnterprise)
        {
            return CaseView.From(@case);
        }

        var own = await EnterpriseAsync(cancellationToken);
        return new EnterpriseCaseView(
            @case.Id.Value,
            @case.Number.ToString(),
            @case.Centre.Value,
            @case.Kind,
            @case.State.Name,
            @case.HandlingCentre.Value,
            @case.ReferredTo?.Value,
            @case.Title,
            @case.Summary,
            @case.Priority,
            @case.ExternalReference,
            @case.FiledAt,
            own.NameOf(@case.FiledBy),
            @case.UpdatedAt,
            @case.Version,
            @case.Parties.OrderBy(party => party.Ordinal)
                .Select(party => new EnterprisePartyView(
                    party.Role,
                    party.Kind,
                    party.Name,
                    own.IsItself(party) ? new PartyContactView(party.Identifier, party.Email, party.Phone, party.Address) : null))
                .ToList(),
            @case.Rights.OrderBy(right => right.Ordinal).Select(right => new RightView(right.Kind, right.Number, right.Title)).ToList(),
            ClockView.Of(@case),
            own.Id);
    }

    /// <summary>The timeline entries the caller may see, oldest first.</summary>
    public async Task<IReadOnlyList<CaseEventView>> TimelineAsync(IEnumerable<CaseEvent> events, CancellationToken cancellationToken)
    {
        if (!IsEnterprise)
        {
            return [.. events.Select(@event => new CaseEventView(@event.Sequence, @event.Type, @event.OccurredAt, @event.Actor, @event.Reason, @event.Data))];
        }

        var own = await EnterpriseAsync(cancellationToken);
        return [.. events
            .Where(@event => !StaffInternalEvents.Contains(@event.Type))
            .Select(@event => new CaseEventView(@event.Sequence, @event.Type, @event.OccurredAt, own.NameOf(@event.Actor), @event.Reason, own.DataOf(@event)))];
    }

    /// <summary>
    /// What an enterprise sees of a step it did not take itself: where the case went, never the
    /// fields staff entered (session notes, agreed terms, who mediates, the regions considered).
    /// The reason stays: a party is owed the reasons for decisions on its case.
    /// </summary>
    private static readonly IReadOnlySet<string> StepDataAnEnterpriseSees = new HashSet<string>(StringComparer.Ordinal)
    {
        "action", "from", "to", "number", "kind", "priority", "enterprise",
        // A notice to make corrections (补正通知) is addressed to the applicant: it must say what to correct.
        "deficiencies",
    };

    /// <summary>One timeline entry as the caller may see it (an enterprise never sees internal ones, so never gets one here).</summary>
    public async Task<CaseEventView> EventAsync(CaseEvent @event, CancellationToken cancellationToken) =>
        (await TimelineAsync([@event], cancellationToken)).Single();

    /// <summary>Who acted, as the caller may see it.</summary>
    public async Task<string> ActorAsync(string actor, CancellationToken cancellationToken) =>
        IsEnterprise ? (await EnterpriseAsync(cancellationToken)).NameOf(actor) : actor;

    private async Task<EnterpriseIdentity> EnterpriseAsync(CancellationToken cancellationToken)
    {
        if (enterprise is not null)
        {
            return enterprise;
        }

        var id = currentActor.Scope.Enterprise!.Value;
        var details = await database.Enterprises.AsNoTracking()
            .Where(candidate => candidate.Id == id)
            .Select(candidate => new { candidate.Name, candidate.UnifiedSocialCreditCode })
            .SingleAsync(cancellationToken);
        var userNames = await database.Users.AsNoTracking()
            .Where(user => user.EnterpriseId == id.Value)
            .Select(user => user.UserName!)
            .ToListAsync(cancellationToken);
        return enterprise = new EnterpriseIdentity(id.Value, details.Name, details.UnifiedSocialCreditCode, userNames.ToHashSet(StringComparer.Ordinal));
    }

    private sealed record EnterpriseIdentity(Guid Id, string Name, string CreditCode, IReadOnlySet<string> UserNames)
    {
        /// <summary>The enterprise's own users and the system keep their names; any other actor is the centre's staff.</summary>
        public string NameOf(string actor) =>
            UserNames.Contains(actor) || actor == Actor.System.Name || actor.StartsWith(Actor.System.Name + ":", StringComparison.Ordinal) ? actor : CentreStaff;

        /// <summary>The step's data as the enterprise sees it: all of it for its own steps, else only where the case went.</summary>
        public IReadOnlyDictionary<string, string?> DataOf(CaseEvent @event) =>
            UserNames.Contains(@event.Actor)
                ? @event.Data
                : @event.Data.Where(entry => StepDataAnEnterpriseSees.Contains(entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);

        /// <summary>The party that is the enterprise itself: by its credit code, or by its registered name.</summary>
        public bool IsItself(Party party) =>
            string.Equals(party.Identifier, CreditCode, StringComparison.OrdinalIgnoreCase)
            || string.Equals(party.Name, Name, StringComparison.Ordinal);
    }
}
