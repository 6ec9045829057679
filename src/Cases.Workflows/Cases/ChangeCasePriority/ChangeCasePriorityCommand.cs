using Cases.Domain.Cases;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.ChangeCasePriority;

/// <summary>
/// Triage marks a case as a priority (优先处理) or takes the mark away, saying why.
/// <see cref="ExpectedVersion"/>, when given, refuses the change if the case moved on meanwhile.
/// </summary>
public sealed record ChangeCasePriorityCommand(CaseId CaseId, bool? Priority, string? Reason, int? ExpectedVersion) : ICommand<CaseView>, ICaseCommand;
