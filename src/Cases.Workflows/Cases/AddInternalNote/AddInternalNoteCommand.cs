using Cases.Domain.Cases;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.AddInternalNote;

/// <summary>
/// Staff add an internal note (内部备注) to a case: recorded on its timeline for the centre, never
/// shown to the enterprise the case belongs to. <see cref="ExpectedVersion"/>, when given, refuses
/// the note if the case moved on meanwhile.
/// </summary>
public sealed record AddInternalNoteCommand(CaseId CaseId, string? Text, int? ExpectedVersion) : ICommand<CaseEventView>, ICaseCommand;
