using Cases.Workflows.Enterprises.CreateEnterpriseUser;
using Cases.Workflows.Enterprises.WithdrawKeyEnterprise;
using Cases.Workflows.Enterprises.RegisterKeyEnterprise;
using Cases.Workflows.Enterprises;
using Cases.Domain.Common;
using Cases.Domain.Deadlines;
using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Access.RevokePersonalAccessToken;
using Cases.Workflows.Calendars.AddCalendarYear;
using Cases.Workflows.Calendars.RecordCalendarDay;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.TakeAction;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.ConfigurePreExamination;
using Cases.Workflows.Centres.RegisterCentre;
using Cases.Workflows.ConflictsOfInterest.RecordConflictLink;
using Cases.Workflows.Deadlines.ExpireDeadline;
using Cases.Workflows.Deadlines.OverrideDeadlineRule;
using Cases.Workflows.Deadlines.SendDeadlineReminder;
using Cases.Workflows.Pipeline;
using Cases.Workflows.WorkflowDefinitions.MigrateCasesToWorkflowVersion;

namespace Cases.Workflows.Audit;

/// <summary>
/// The one place that says what an audit entry of a request names: its subject (<c>case:…</c>,
/// <c>user:…</c>, …) and a summary of the command name, its subject and at most an identifier
/// such as the action taken. Never a field the caller typed freely: those hold party names, phone
/// numbers, identity numbers, passwords or tokens, none of which belongs in the log.
/// </summary>
public static class AuditSubjects
{
    public static string Case(Guid caseId) => $"case:{caseId}";

    public static string User(Guid userId) => $"user:{userId}";

    /// <summary>The request's name as the log shows it: its type without the Command or Query suffix.</summary>
    public static string NameOf(object request)
    {
        var name = request.GetType().Name;
        foreach (var suffix in (ReadOnlySpan<string>)["Command", "Query"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>The subject a command changed, from the command or, for what it created, from its result; null if it names none.</summary>
    public static string? SubjectOf(object command, object? result) => (command, result) switch
    {
        (ICaseCommand onCase, _) => Case(onCase.CaseId.Value),
        (_, AudienceCaseView created) => Case(created.Id),
        (RegisterKeyEnterpriseCommand, KeyEnterpriseView enterprise) => $"enterprise:{enterprise.Id}",
        (WithdrawKeyEnterpriseCommand withdraw, _) => $"enterprise:{withdraw.EnterpriseId}",
        (CreateEnterpriseUserCommand, UserView user) => User(user.Id),
        (ExpireDeadlineCommand expire, _) => Deadline(expire.DeadlineId),
        (SendDeadlineReminderCommand remind, _) => Deadline(remind.DeadlineId),
        (RegisterCentreCommand, CentreView centre) => $"centre:{centre.Code}",
        (ConfigurePreExaminationCommand configure, _) => $"centre:{configure.Centre}",
        (CreateUserCommand, UserView user) => User(user.Id),
        (CreatePersonalAccessTokenCommand, PersonalAccessTokenCreated token) => $"token:{token.Details.Id}",
        (RevokePersonalAccessTokenCommand revoke, _) => $"token:{revoke.TokenId}",
        (RecordConflictLinkCommand, ConflictLinkView link) => $"conflict-link:{link.Id}",
        (OverrideDeadlineRuleCommand rule, _) => $"deadline-rule:{rule.WorkflowId}/{rule.Clock}/{rule.Region}",
        (MigrateCasesToWorkflowVersionCommand migrate, _) => $"workflow:{migrate.WorkflowId}",
        (AddCalendarYearCommand year, _) => $"calendar:{year.Region}/{year.Year}",
        (RecordCalendarDayCommand day, _) => $"calendar:{day.Region}/{day.Date}",
        _ => null,
    };

    /// <summary>"TakeAction accept on case:…": the command, the workflow action if any, the subject, and whether it was only a dry run.</summary>
    public static string SummaryOf(object command, string? subject)
    {
        var detail = command switch
        {
            TakeActionCommand action => $" {action.Action}",
            AddCalendarYearCommand { DryRun: true } or RecordCalendarDayCommand { DryRun: true } or MigrateCasesToWorkflowVersionCommand { DryRun: true } => " (dry run)",
            _ => string.Empty,
        };
        return subject is null ? $"{NameOf(command)}{detail}" : $"{NameOf(command)}{detail} on {subject}";
    }

    /// <summary>
    /// Who acted. Outside a request the actor is the system; the deadline timers' commands act as
    /// <c>system:deadlines</c>, as their timeline entries say.
    /// </summary>
    public static Actor ActorOf(object command, ICurrentActor current) =>
        current is SystemActor && command is ExpireDeadlineCommand or SendDeadlineReminderCommand
            ? ExpireDeadlineHandler.Timer
            : current.Actor;

    /// <summary>Whether the command's result says it changed nothing (a timer that fired after its deadline moved on): no entry then.</summary>
    public static bool ChangedNothing(object? result) => result is DeadlineTimerOutcome and not DeadlineTimerOutcome.TookEffect;

    private static string Deadline(DeadlineId deadline) => $"deadline:{deadline.Value}";
}
