using System.Text.Json;
using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.TakeAction;

/// <summary>
/// Takes one action of the case's workflow (办理): one transition, atomically, with its payload.
/// <see cref="ExpectedVersion"/>, when given, refuses the action if the case moved on meanwhile.
/// </summary>
public sealed record TakeActionCommand(CaseId CaseId, string Action, int? ExpectedVersion, IReadOnlyDictionary<string, JsonElement>? Payload) : ICommand<ActionTakenView>, ICaseCommand;

/// <summary>The case after the action, and the timeline entry the action recorded, as the caller's audience sees them.</summary>
public sealed record ActionTakenView(AudienceCaseView Case, GetCaseTimeline.CaseEventView Event);
