using System.Text.Json.Serialization;
using Cases.Domain.Cases;
using Cases.Domain.Clocks;
using Cases.Domain.Rights;

namespace Cases.Workflows.Cases;

/// <summary>
/// A case as one audience may see it: staff the whole <see cref="CaseView"/>, a key enterprise the
/// reduced <see cref="EnterpriseCaseView"/>. <see cref="CaseAudience"/> picks which; each is
/// written as its own shape.
/// </summary>
[JsonDerivedType(typeof(CaseView))]
[JsonDerivedType(typeof(EnterpriseCaseView))]
public abstract record AudienceCaseView(Guid Id);

/// <summary>A case as staff see it: everything, including the facts the steps kept.</summary>
public sealed record CaseView(
    Guid Id,
    string Number,
    string Centre,
    CaseKind Kind,
    string State,
    WorkflowPinView Workflow,
    string HandlingCentre,
    string? ReferredTo,
    string Title,
    string Summary,
    bool Priority,
    string? ExternalReference,
    DateTimeOffset FiledAt,
    string FiledBy,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<RightView> Rights,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<ClockView> Clocks,
    Guid? Enterprise) : AudienceCaseView(Id)
{
    public static CaseView From(Case @case) => new(
        @case.Id.Value,
        @case.Number.ToString(),
        @case.Centre.Value,
        @case.Kind,
        @case.State.Name,
        new WorkflowPinView(@case.WorkflowId, @case.WorkflowVersion),
        @case.HandlingCentre.Value,
        @case.ReferredTo?.Value,
        @case.Title,
        @case.Summary,
        @case.Priority,
        @case.ExternalReference,
        @case.FiledAt,
        @case.FiledBy,
        @case.UpdatedAt,
        @case.Version,
        @case.Parties.OrderBy(party => party.Ordinal)
            .Select(party => new PartyView(party.Role, party.Kind, party.Name, party.Identifier, party.Email, party.Phone, party.Address))
            .ToList(),
        @case.Rights.OrderBy(right => right.Ordinal)
            .Select(right => new RightView(right.Kind, right.Number, right.Title))
            .ToList(),
        @case.Facts,
        ClockView.Of(@case),
        @case.Enterprise?.Value);
}

/// <summary>The workflow definition and version the case runs on.</summary>
public sealed record WorkflowPinView(string Id, int Version);

/// <summary>A named clock (期限) of the case; the legal-time engine adds its due date.</summary>
public sealed record ClockView(string Name, ClockStatus Status, DateTimeOffset StartedAt, DateTimeOffset? PausedAt, TimeSpan PausedFor, DateTimeOffset? StoppedAt, bool Extended)
{
    public static IReadOnlyList<ClockView> Of(Case @case) =>
        @case.Clocks.OrderBy(clock => clock.StartedAt).ThenBy(clock => clock.Name, StringComparer.Ordinal)
            .Select(clock => new ClockView(clock.Name, clock.Status, clock.StartedAt, clock.PausedAt, clock.PausedFor, clock.StoppedAt, clock.Extended))
            .ToList();
}

public sealed record PartyView(PartyRole Role, PartyKind Kind, string Name, string? Identifier, string? Email, string? Phone, string? Address);

public sealed record RightView(IntellectualPropertyKind Kind, string Number, string? Title);
