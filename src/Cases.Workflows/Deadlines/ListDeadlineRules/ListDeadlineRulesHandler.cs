using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.ListDeadlineRules;

public sealed class ListDeadlineRulesHandler(CasesDbContext database, DeadlineRuleCatalog rules) : IRequestHandler<ListDeadlineRulesQuery, IReadOnlyList<DeadlineRuleView>>
{
    public async Task<IReadOnlyList<DeadlineRuleView>> Handle(ListDeadlineRulesQuery query, CancellationToken cancellationToken)
    {
        var overrides = await database.DeadlineRuleOverrides.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. rules.Defaults.OrderBy(rule => rule.WorkflowId).ThenBy(rule => rule.Clock).Select(DeadlineRuleView.Default),
            .. overrides.OrderBy(rule => rule.WorkflowId).ThenBy(rule => rule.Clock).ThenBy(rule => rule.Region)
                .Select(change => DeadlineRuleView.From(change.ToRule(), change.Region, change)),
        ];
    }
}
