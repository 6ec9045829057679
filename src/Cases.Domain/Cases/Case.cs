using Cases.Domain.Cases.Rules;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Rights;
using Cases.Domain.Rights.Rules;

namespace Cases.Domain.Cases;

/// <summary>
/// A case (案件) handled by a protection centre: who is involved, which rights are concerned,
/// where it stands, and the append-only timeline of every change. Every change goes through a
/// named method that checks its rules, bumps <see cref="Version"/> and records one timeline entry.
/// </summary>
public sealed class Case
{
    private readonly List<Party> parties = [];
    private readonly List<IntellectualPropertyRight> rights = [];
    private readonly List<CaseEvent> recordedEvents = [];

    // For the persistence layer's materialisation.
    private Case()
    {
        Number = null!;
        Title = string.Empty;
        Summary = string.Empty;
        FiledBy = string.Empty;
    }

    public CaseId Id { get; private set; }

    public CaseNumber Number { get; private set; }

    public CentreCode Centre { get; private set; }

    public CaseKind Kind { get; private set; }

    public CaseState State { get; private set; }

    public string Title { get; private set; }

    public string Summary { get; private set; }

    /// <summary>Handled ahead of others in the triage queue (优先).</summary>
    public bool Priority { get; private set; }

    /// <summary>The filer's own reference for the case (e.g. a key enterprise's docket number), unique per centre.</summary>
    public string? ExternalReference { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string FiledBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts the recorded changes; the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Party> Parties => parties;

    public IReadOnlyList<IntellectualPropertyRight> Rights => rights;

    /// <summary>Timeline entries recorded since the case was loaded, to be stored with it.</summary>
    public IReadOnlyList<CaseEvent> RecordedEvents => recordedEvents;

    /// <summary>Receives a case (收件) under a freshly allocated number.</summary>
    public static Case File(CaseId id, CaseNumber number, CaseFiling filing, Actor actor, DateTimeOffset now)
    {
        var rules = new List<IBusinessRule>
        {
            new CaseMustBeFiledByThePartyItsKindExpectsRule(filing.Kind, filing.Parties),
            new DisputeMustNameARespondentRule(filing.Kind, filing.Parties),
            new PreExaminationMustNotNameARespondentRule(filing.Kind, filing.Parties),
            new CaseMustConcernAtLeastOneRightRule(filing.Rights),
            new PreExaminationMustConcernOnePatentRule(filing.Kind, filing.Rights),
        };
        rules.AddRange(filing.Rights.Select(right => new RightNumberMustBeValidForItsKindRule(right.Kind, right.Number)));
        BusinessRules.Check([.. rules]);

        var @case = new Case
        {
            Id = id,
            Number = number,
            Centre = number.Centre,
            Kind = filing.Kind,
            State = CaseState.Filed,
            Title = filing.Title.Trim(),
            Summary = filing.Summary?.Trim() ?? string.Empty,
            Priority = filing.Priority,
            ExternalReference = string.IsNullOrWhiteSpace(filing.ExternalReference) ? null : filing.ExternalReference.Trim(),
            FiledAt = now,
            FiledBy = actor.Name,
        };
        @case.parties.AddRange(filing.Parties.Select((party, index) => Party.Create(index + 1, party.Role, party.Kind, party.Name, party.Contact)));
        @case.rights.AddRange(filing.Rights.Select((right, index) => IntellectualPropertyRight.Create(index + 1, right.Kind, right.Number, right.Title)));
        @case.Record(CaseEventTypes.CaseFiled, actor, now, reason: null, new Dictionary<string, string?>
        {
            ["number"] = number.ToString(),
            ["kind"] = filing.Kind.ToString(),
            ["priority"] = filing.Priority ? "true" : "false",
        });
        return @case;
    }

    /// <summary>Triage marks the case as a priority or takes the mark away, saying why.</summary>
    public void ChangePriority(bool priority, string reason, Actor actor, DateTimeOffset now)
    {
        BusinessRules.Check(
            new PriorityChangeMustChangeThePriorityRule(Priority, priority),
            new ChangeMustGiveAReasonRule(reason));
        Priority = priority;
        Record(CaseEventTypes.CasePriorityChanged, actor, now, reason.Trim(), new Dictionary<string, string?>
        {
            ["priority"] = priority ? "true" : "false",
        });
    }

    /// <summary>Called once the recorded entries are stored.</summary>
    public void ForgetRecordedEvents() => recordedEvents.Clear();

    /// <summary>Refuses a change made against a version of the case that is no longer current.</summary>
    public void EnsureVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new CaseVersionConflictException(Id, expected, Version);
        }
    }

    private void Record(string type, Actor actor, DateTimeOffset now, string? reason, IReadOnlyDictionary<string, string?> data)
    {
        Version++;
        UpdatedAt = now;
        recordedEvents.Add(new CaseEvent(Id, Version, type, now, actor, reason, data));
    }
}
