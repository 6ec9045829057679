using Cases.Workflows.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Workflows.Scheduling;

/// <summary>What both deadline jobs do: run the due-deadline processor in a scope of its own.</summary>
public static class DueDeadlineProcessing
{
    public static async Task<DueDeadlinesProcessed> ProcessInFreshScopeAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        // A scope per firing: the processor's DbContext and handlers must not outlive the firing or leak into the next.
        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetService<IDueDeadlineProcessor>()
            ?? throw new InvalidOperationException(
                $"No {nameof(IDueDeadlineProcessor)} is registered, so a deadline timer fired and nothing took effect. " +
                $"Register the deadline processor in {nameof(WorkflowsRegistration)}.{nameof(WorkflowsRegistration.AddCasesWorkflows)}, " +
                $"or turn the timers off with {DeadlineTimerOptions.SectionName}:{nameof(DeadlineTimerOptions.Enabled)}=false.");
        return await processor.ProcessDueAsync(cancellationToken);
    }
}
