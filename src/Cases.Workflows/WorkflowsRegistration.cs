using Cases.Workflows.Access;
using Cases.Workflows.Audit;
using Cases.Workflows.Calendars;
using Cases.Workflows.Calendars.AddCalendarYear;
using Cases.Workflows.Calendars.GetCalendarYear;
using Cases.Workflows.Calendars.GetDueDate;
using Cases.Workflows.Calendars.RecordCalendarDay;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.AddInternalNote;
using Cases.Workflows.Cases.ChangeCasePriority;
using Cases.Workflows.Cases.FileCase;
using Cases.Workflows.Cases.GetCase;
using Cases.Workflows.Cases.GetCaseTimeline;
using Cases.Workflows.Cases.GetAssignedCase;
using Cases.Workflows.Cases.ListAssignedCases;
using Cases.Workflows.Access.ListNeutrals;
using Cases.Workflows.Cases.GetStaffDashboard;
using Cases.Workflows.Cases.ListCases;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.GetCentre;
using Cases.Workflows.Centres.ListCentres;
using Cases.Workflows.Centres.RegisterCentre;
using Cases.Workflows.Cases.GetCaseDiagram;
using Cases.Workflows.Cases.ListAvailableActions;
using Cases.Workflows.Cases.TakeAction;
using Cases.Workflows.Centres.ConfigurePreExamination;
using Cases.Workflows.ConflictsOfInterest.RecordConflictLink;
using Cases.Workflows.Deadlines;
using Cases.Workflows.Enterprises;
using Cases.Workflows.Deadlines.ExpireDeadline;
using Cases.Workflows.Deadlines.GetCaseDeadlines;
using Cases.Workflows.Deadlines.ListDeadlineRules;
using Cases.Workflows.Deadlines.ListDeadlines;
using Cases.Workflows.Deadlines.OverrideDeadlineRule;
using Cases.Workflows.Deadlines.SendDeadlineReminder;
using Cases.Workflows.Demo;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Engine.Diagrams;
using Cases.Workflows.Engine.Runtime;
using Cases.Workflows.Idempotency;
using Cases.Domain.Deadlines;
using Cases.Workflows.Pipelines;
using Cases.Workflows.WorkflowDefinitions;
using Cases.Workflows.WorkflowDefinitions.GetWorkflow;
using Cases.Workflows.WorkflowDefinitions.GetWorkflowDiagram;
using Cases.Workflows.WorkflowDefinitions.ListWorkflows;
using Cases.Workflows.WorkflowDefinitions.MigrateCasesToWorkflowVersion;
using Cases.Workflows.Persistence;
using Cases.Workflows.Persistence.Migrations;
using Cases.Workflows.Pipeline;
using Cases.Workflows.Reports.GetCaseReport;
using Cases.Workflows.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cases.Workflows;

public static class WorkflowsRegistration
{
    /// <summary>The configuration key (and environment variable) holding the PostgreSQL connection string.</summary>
    public const string ConnectionStringKey = "CASES_DB";

    /// <summary>Persistence, the command pipeline and every use case, registered explicitly.</summary>
    public static IHostApplicationBuilder AddCasesWorkflows(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        // Read when first needed, so every configuration source (tests' included) has its say.
        services.AddSingleton(provider => CasesDataSource.Create(ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddDbContextPool<CasesDbContext>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<CaseNumberAllocator>();
        services.AddSingleton<KnownCentreCodes>();
        services.AddSingleton<MigrationRunner>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccounts>();

        services.AddSingleton<IWorkflowDefinitionSource, FastTrackPreExaminationWorkflow>();
        services.AddSingleton<IWorkflowDefinitionSource, RightsDefenceWorkflow>();
        services.AddSingleton<IWorkflowDefinitionSource, MediationArbitrationWorkflow>();
        services.AddSingleton<WorkflowCatalog>();
        services.AddScoped<IWorkflowFacts, WorkflowFacts>();
        services.AddSingleton<PinnedWorkflowCheck>();
        services.AddScoped<WorkflowActionRunner>();

        services.AddSingleton<CalendarRegistry>();
        services.AddSingleton<CalendarLoader>();
        services.AddScoped<ICalendarChangeConsequences, DeadlineRecomputation>();
        services.AddSingleton<DeadlineRuleCatalog>();
        services.AddScoped<DeadlineKeeper>();
        services.AddSingleton<IDueDeadlineProcessor, DueDeadlineProcessor>();

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // Order matters: the first registered behaviour is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddSingleton(typeof(IValidator<>), typeof(StorableTextValidator<>));
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);

        // Every case request reaches its case through the caller's scope, and sees it as its audience may.
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseAudience>();
        services.AddUseCase<FileCaseCommand, AudienceCaseView, FileCaseHandler, FileCaseValidator>();
        services.AddUseCase<GetCaseQuery, AudienceCaseView, GetCaseHandler>();
        services.AddUseCase<AddInternalNoteCommand, CaseEventView, AddInternalNoteHandler, AddInternalNoteValidator>();
        services.AddUseCase<GetCaseTimelineQuery, CaseTimelineView, GetCaseTimelineHandler>();
        services.AddUseCase<ListCasesQuery, CasePage, ListCasesHandler, ListCasesValidator>();
        services.AddUseCase<GetStaffDashboardQuery, StaffDashboardView, GetStaffDashboardHandler, GetStaffDashboardValidator>();
        services.AddUseCase<ChangeCasePriorityCommand, CaseView, ChangeCasePriorityHandler, ChangeCasePriorityValidator>();
        services.AddUseCase<RegisterCentreCommand, CentreView, RegisterCentreHandler, RegisterCentreValidator>();
        services.AddUseCase<ListCentresQuery, IReadOnlyList<CentreView>, ListCentresHandler>();
        services.AddUseCase<GetCentreQuery, CentreView, GetCentreHandler>();
        services.AddUseCase<ConfigurePreExaminationCommand, PreExaminationConfigurationView, ConfigurePreExaminationHandler, ConfigurePreExaminationValidator>();
        services.AddUseCase<RecordConflictLinkCommand, ConflictLinkView, RecordConflictLinkHandler, RecordConflictLinkValidator>();
        services.AddUseCase<TakeActionCommand, ActionTakenView, TakeActionHandler, TakeActionValidator>();
        services.AddUseCase<ListAvailableActionsQuery, AvailableActionsView, ListAvailableActionsHandler>();
        services.AddUseCase<ListWorkflowsQuery, IReadOnlyList<WorkflowSummaryView>, ListWorkflowsHandler>();
        services.AddUseCase<GetWorkflowQuery, WorkflowDefinitionView, GetWorkflowHandler>();
        services.AddUseCase<GetWorkflowDiagramQuery, RenderedDiagram, GetWorkflowDiagramHandler, GetWorkflowDiagramValidator>();
        services.AddUseCase<GetCaseDiagramQuery, RenderedDiagram, GetCaseDiagramHandler, GetCaseDiagramValidator>();
        services.AddUseCase<ExpireDeadlineCommand, DeadlineTimerOutcome, ExpireDeadlineHandler, ExpireDeadlineValidator>();
        services.AddUseCase<SendDeadlineReminderCommand, DeadlineTimerOutcome, SendDeadlineReminderHandler, SendDeadlineReminderValidator>();
        services.AddUseCase<ListDeadlinesQuery, DeadlineQueue, ListDeadlinesHandler, ListDeadlinesValidator>();
        services.AddUseCase<ListDeadlineRulesQuery, IReadOnlyList<DeadlineRuleView>, ListDeadlineRulesHandler>();
        services.AddUseCase<OverrideDeadlineRuleCommand, DeadlineRuleView, OverrideDeadlineRuleHandler, OverrideDeadlineRuleValidator>();
        services.AddUseCase<GetCaseDeadlinesQuery, IReadOnlyList<CaseDeadlineView>, GetCaseDeadlinesHandler>();
        services.AddUseCase<MigrateCasesToWorkflowVersionCommand, WorkflowMigrationReport, MigrateCasesToWorkflowVersionHandler, MigrateCasesToWorkflowVersionValidator>();
        services.AddUseCase<GetDueDateQuery, DueDateView, GetDueDateHandler, GetDueDateValidator>();
        services.AddUseCase<GetCalendarYearQuery, CalendarYearView, GetCalendarYearHandler>();
        services.AddUseCase<AddCalendarYearCommand, CalendarYearAddedView, AddCalendarYearHandler, AddCalendarYearValidator>();
        services.AddUseCase<RecordCalendarDayCommand, CalendarDayRecordedView, RecordCalendarDayHandler, RecordCalendarDayValidator>();
        services.AddScoped<AssignedCaseReader>();
        services.AddUseCase<ListAssignedCasesQuery, AssignedCaseList, ListAssignedCasesHandler>();
        services.AddUseCase<GetAssignedCaseQuery, AssignedCaseView, GetAssignedCaseHandler>();
        services.AddUseCase<ListNeutralsQuery, IReadOnlyList<NeutralView>, ListNeutralsHandler, ListNeutralsValidator>();
        services.AddUseCase<GetCaseReportQuery, CaseReport, GetCaseReportHandler, GetCaseReportValidator>();

        // First of the transaction participants: a replayed request must not reach the others.
        services.AddCasesIdempotency();
        services.AddCasesAccess();
        services.AddCasesEnterprises();
        services.AddCasesAudit();
        builder.AddCasesTimers();
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey]
        ?? configuration.GetConnectionString("Cases")
        ?? throw new InvalidOperationException(
            $"No database configured: set {ConnectionStringKey} to a PostgreSQL connection string (./cases run does this for you).");

    /// <summary>The camelCase name a property has in the JSON the API speaks.</summary>
    public static string JsonName(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    internal static void AddUseCase<TRequest, TResponse, THandler>(this IServiceCollection services)
        where TRequest : IRequest<TResponse>
        where THandler : class, IRequestHandler<TRequest, TResponse> =>
        services.AddScoped<IRequestHandler<TRequest, TResponse>, THandler>();

    internal static void AddUseCase<TRequest, TResponse, THandler, TValidator>(this IServiceCollection services)
        where TRequest : IRequest<TResponse>
        where THandler : class, IRequestHandler<TRequest, TResponse>
        where TValidator : class, IValidator<TRequest>
    {
        services.AddUseCase<TRequest, TResponse, THandler>();
        services.AddSingleton<IValidator<TRequest>, TValidator>();
    }
}
