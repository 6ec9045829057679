using Cases.Domain.Deadlines;
using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Deadlines.ListDeadlines;

public sealed class ListDeadlinesHandler(CasesDbContext database, TimeProvider time) : IRequestHandler<ListDeadlinesQuery, DeadlineQueue>
{
    public async Task<DeadlineQueue> Handle(ListDeadlinesQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deadlines = database.Deadlines.AsNoTracking();
        if (query.Centre is { } centre)
        {
            deadlines = deadlines.Where(deadline => deadline.Centre == centre || deadline.HandlingCentre == centre);
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
        return new DeadlineQueue(query.State!, query.Centre?.Value, now, [.. rows.Select(row => DeadlineView.From(row.Deadline, row.Number.ToString()))]);
    }
}
