using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Deadlines.ListDeadlineRules;

/// <summary>Every pipeline clock's default deadline rule (期限规则), followed by the overrides in force.</summary>
public sealed record ListDeadlineRulesQuery : IQuery<IReadOnlyList<DeadlineRuleView>>;
