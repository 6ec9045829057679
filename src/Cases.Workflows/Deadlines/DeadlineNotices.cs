using System.Text.Json;
using Cases.Domain.Access;
using Cases.Domain.Centres;
using Cases.Domain.Deadlines;
using Cases.Workflows.Persistence;

namespace Cases.Workflows.Deadlines;

/// <summary>Deadline notices (reminders, overdue escalations, closed windows) go through the outbox to a centre and role.</summary>
public static class DeadlineNotices
{
    public const string Reminder = "DeadlineReminder";
    public const string Overdue = "DeadlineOverdue";
    public const string Lapsed = "DeadlineLapsed";

    public static OutboxMessage For(string type, Deadline deadline, CentreCode recipient, Role role, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CaseId = deadline.CaseId.Value,
        Sequence = null,
        Type = type,
        Recipient = recipient.Value,
        Payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["caseId"] = deadline.CaseId.Value,
            ["deadlineId"] = deadline.Id.Value,
            ["clock"] = deadline.Clock,
            ["role"] = role.ToString(),
            ["dueAt"] = deadline.DueAt,
            ["lastDay"] = deadline.LastDay?.ToString("yyyy-MM-dd"),
            ["targetAt"] = deadline.TargetAt,
            ["status"] = deadline.Status.ToString(),
        }),
        OccurredAt = now,
    };
}
