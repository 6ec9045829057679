using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Cases.Rules;
using Cases.Domain.Clocks;
using Cases.Domain.Common;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.WorkflowDefinitions.MigrateCasesToWorkflowVersion;

/// <summary>
/// Loads every running case of the old version, maps each state, and either reports (dry run) or
/// moves them all in one transaction, recording a CaseWorkflowMigrated entry on each. An unmapped
/// state refuses the whole migration (422); a case changed meanwhile fails it (409).
/// </summary>
public sealed class MigrateCasesToWorkflowVersionHandler(CasesDbContext database, WorkflowCatalog workflows, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<MigrateCasesToWorkflowVersionCommand, WorkflowMigrationReport>
{
    public async Task<WorkflowMigrationReport> Handle(MigrateCasesToWorkflowVersionCommand command, CancellationToken cancellationToken)
    {
        currentActor.Require([Role.SystemAdmin], "Migrating cases to another workflow version");
        var source = workflows.Get(new WorkflowPin(command.WorkflowId, command.FromVersion!.Value));
        var target = workflows.Get(new WorkflowPin(command.WorkflowId, command.ToVersion!.Value));
        var mapping = command.StateMapping!;
        var unknownKeys = mapping.Keys.Where(state => !source.TryGetState(state, out _)).ToList();
        if (unknownKeys.Count > 0)
        {
            throw new ValidationException(unknownKeys.Select(state => new ValidationFailure($"stateMapping.{state}", $"'{state}' is not a state of {source}.")));
        }

        // Clocks the new version never mentions would run forever: the migration stops them, and says so.
        var targetClocks = target.States.SelectMany(state => state.OnEnter).Concat(target.Transitions.SelectMany(transition => transition.Clocks))
            .Select(operation => operation.Clock)
            .ToHashSet(StringComparer.Ordinal);

        var terminal = source.States.Where(state => state.Kind == StateKind.Terminal).Select(state => new CaseState(state.Name)).ToList();
        var cases = await database.Cases
            .Where(@case => @case.WorkflowId == source.Id && @case.WorkflowVersion == source.Version && !terminal.Contains(@case.State))
            .OrderBy(@case => @case.FiledAt).ThenBy(@case => @case.Id)
            .ToListAsync(cancellationToken);

        var broken = cases.GroupBy(@case => @case.State.Name)
            .Select(group =>
            {
                var mappedTo = mapping.GetValueOrDefault(group.Key);
                return new StateInUseMustBeMappedRule(group.Key, group.Count(), mappedTo, mappedTo is not null && target.TryGetState(mappedTo, out _), target.Pin);
            })
            .Where(rule => rule.IsBroken())
            .OrderBy(rule => rule.State, StringComparer.Ordinal)
            .ToList();
        var unmapped = broken.Select(rule => new UnmappedStateView(rule.State, rule.RunningCases, rule.Message)).ToList();
        var report = new WorkflowMigrationReport(
            source.Id,
            source.Version,
            target.Version,
            command.DryRun,
            Applied: !command.DryRun,
            [.. cases.Select(@case => new CaseMigrationView(@case.Id.Value, @case.Number.ToString(), @case.State.Name, mapping.GetValueOrDefault(@case.State.Name), @case.Version, ClocksToStop(@case, targetClocks)))],
            unmapped);

        if (command.DryRun)
        {
            return report;
        }

        if (unmapped.Count > 0)
        {
            throw new BusinessRuleValidationException(broken);
        }

        var now = time.GetUtcNow();
        foreach (var @case in cases)
        {
            @case.MigrateWorkflow(target.Pin, new CaseState(mapping[@case.State.Name]), ClocksToStop(@case, targetClocks), command.Reason!, currentActor.Actor, now);
        }

        return report with { Cases = [.. cases.Select(@case => report.Cases.Single(view => view.Id == @case.Id.Value) with { Version = @case.Version })] };
    }

    private static IReadOnlyList<string> ClocksToStop(Case @case, HashSet<string> targetClocks) =>
        [.. @case.Clocks.Where(clock => clock.Status != ClockStatus.Stopped && !targetClocks.Contains(clock.Name)).Select(clock => clock.Name).Order(StringComparer.Ordinal)];
}
