using Cases.Domain.Deadlines;
using Cases.Workflows.Cases;
using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.ListDeadlines;

public sealed class ListDeadlinesHandler(CasesDbContext database, CaseAccess access, TimeProvider time) : IRequestHandler<ListDeadlinesQuery, DeadlineQueue>
{
    public async Task<DeadlineQueue> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deadlines = database.Deadlines.AsNoTracking();
        // Staff see their own centre's queue, whether or not they name it; another centre's does not exist for them.
        var centre = query.Centre ?? access.Scope.Centre;
        if (centre is { } code)
        {
            access.EnsureCentreInScope(code);
            deadlines = deadlines.Where(deadline => deadline.Centre == code || deadline.HandlingCentre == code);
        }

        if (!access.Scope.Unrestricted && access.Scope.Centre is null)
        {
            // An enterprise's users see the deadlines of its own cases; nobody else any.
            var visible = access.VisibleCaseIds();
            deadlines = deadlines.Where(deadline => visible.Contains(deadline.CaseId));
        }

        var soon = now + ListDeadlinesQuery.DueSoonWindow;
        deadlines = query.State == ListDeadlinesQuery.Overdue
            // Past due but not yet processed by a timer counts as overdue too: the dashboard shows the truth, not the timer's progress.
            ? deadlines.Where(deadline => deadline.Status == DeadlineStatus.Overdue || (deadline.Status == DeadlineStatus.Running && deadline.DueAt <= now))
            : deadlines.Where(deadline => deadline.Status == DeadlineStatus.Running && deadline.DueAt > now && (deadline.DueAt <= soon || deadline.RemindAt <= now));

        var rows = await deadlines
            .OrderBy(deadline => deadline.DueAt).ThenBy(deadline => deadline.Id)
            .Take(query.Limit ?? ListDeadlinesQuery.DefaultLimit)
            .Join(database.Cases, deadline => deadline.CaseId, @case => @case.Id, (deadline, @case) => new { Deadline = deadline, @case.Number })
            .ToListAsync(cancellationToken);
        return new DeadlineQueue(query.State!, centre?.Value, now, [.. rows.Select(row => DeadlineView.From(row.Deadline, row.Number.ToString()))]);
    }
}
