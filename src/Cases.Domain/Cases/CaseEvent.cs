using Cases.Domain.Common;

namespace Cases.Domain.Cases;

/// <summary>
/// One entry of a case's timeline (案件记录): what changed, when, who did it and why. Entries are
/// append-only; <see cref="Sequence"/> equals the case's version after the change.
/// </summary>
public sealed class CaseEvent
{
    public CaseEvent(CaseId caseId, int sequence, string type, DateTimeOffset occurredAt, Actor actor, string? reason, IReadOnlyDictionary<string, string?> data)
    {
        CaseId = caseId;
        Sequence = sequence;
        Type = type;
        OccurredAt = occurredAt;
        Actor = actor.Name;
        Reason = reason;
        Data = data;
    }

    // For the persistence layer's materialisation.
    private CaseEvent()
    {
        Type = string.Empty;
        Actor = string.Empty;
        Data = new Dictionary<string, string?>();
    }

    public CaseId CaseId { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>A <c>{Noun}{PastVerb}</c> name from <see cref="CaseEventTypes"/>.</summary>
    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Actor { get; private set; }

    public string? Reason { get; private set; }

    public IReadOnlyDictionary<string, string?> Data { get; private set; }
}

/// <summary>The names of timeline entries.</summary>
public static class CaseEventTypes
{
    /// <summary>The case was received (收件).</summary>
    public const string CaseFiled = nameof(CaseFiled);

    /// <summary>Triage marked or unmarked the case as a priority (优先处理).</summary>
    public const string CasePriorityChanged = nameof(CasePriorityChanged);

    /// <summary>An administrator moved the case to another version of its workflow (流程版本迁移).</summary>
    public const string CaseWorkflowMigrated = nameof(CaseWorkflowMigrated);

    /// <summary>Staff added an internal note (内部备注), never shown to the case's enterprise.</summary>
    public const string InternalNoteAdded = nameof(InternalNoteAdded);
}
