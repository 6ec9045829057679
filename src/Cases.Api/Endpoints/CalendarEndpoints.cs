using Cases.Workflows.Calendars;
using Cases.Workflows.Calendars.AddCalendarYear;
using Cases.Workflows.Calendars.GetCalendarYear;
using Cases.Workflows.Calendars.GetDueDate;
using Cases.Workflows.Calendars.RecordCalendarDay;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Api.Endpoints;

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder routes)
    {
        var calendars = routes.MapGroup("/api/calendars").WithTags("Calendars");
        calendars.MapGet("/{region}/due", GetDueDate).WithName(nameof(GetDueDate))
            .WithSummary("When a time limit (期限) expires in a region, with the explanation of each day counted, skipped or moved")
            .WithDescription("start: 2026-03-02 or 2026-03-02T10:20[:00][+08:00] (a time is required for hours); amount: 1–1000; unit: working-days, days, months or hours. " +
                             "Counting law: the mainland's 民事诉讼法 art. 85, Hong Kong's Cap. 1 s. 71, Macao's DL 7/97/M. A date in a year the calendar has not loaded is refused (422), never guessed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        calendars.MapGet("/{region}/{year:int}", GetCalendarYear).WithName(nameof(GetCalendarYear))
            .WithSummary("A loaded year of a region's calendar: holidays, adjusted working days (调休), government half days, warning days")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendars.MapPost("/{region}/years", AddCalendarYear).WithName(nameof(AddCalendarYear))
            .WithSummary("Add a year to a region's calendar (SystemAdmin); a mainland province adds it for the whole mainland calendar")
            .WithDescription("?dryRun=true validates and reports the consequences, storing nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        calendars.MapPost("/{region}/days", RecordCalendarDay).WithName(nameof(RecordCalendarDay))
            .WithSummary("Record or replace one day of a loaded year (SystemAdmin), e.g. a Hong Kong black rainstorm warning day after the fact")
            .WithDescription("Kinds: Holiday (all), AdjustedWorkingDay (mainland), GovernmentHoliday and HalfDayGovernmentHoliday (Macao), WarningDay (Hong Kong). ?dryRun=true stores nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    public static async Task<Ok<DueDateView>> GetDueDate(string region, string? start, int? amount, string? unit, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDueDateQuery(region, start, amount, unit), cancellationToken));

    public static async Task<Ok<CalendarYearView>> GetCalendarYear(string region, int year, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCalendarYearQuery(region, year), cancellationToken));

    public static async Task<Results<Created<CalendarYearAddedView>, Ok<CalendarYearAddedView>>> AddCalendarYear(
        string region, AddCalendarYearRequest request, bool? dryRun, IMediator mediator, CancellationToken cancellationToken)
    {
        var added = await mediator.Send(new AddCalendarYearCommand(region, request.Year, request.Source, request.Days, dryRun ?? false), cancellationToken);
        return added.DryRun
            ? TypedResults.Ok(added)
            : TypedResults.Created($"/api/calendars/{added.Region}/{added.Year}", added);
    }

    public static async Task<Ok<CalendarDayRecordedView>> RecordCalendarDay(
        string region, RecordCalendarDayRequest request, bool? dryRun, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RecordCalendarDayCommand(region, request.Date, request.Kind, request.Name, request.Reason, dryRun ?? false), cancellationToken));

    /// <summary>The body of a year to add; the region comes from the route.</summary>
    public sealed record AddCalendarYearRequest(int? Year, string? Source, IReadOnlyList<CalendarDayInput>? Days);

    /// <summary>The body of a day to record; the region comes from the route.</summary>
    public sealed record RecordCalendarDayRequest(string? Date, string? Kind, string? Name, string? Reason);
}
