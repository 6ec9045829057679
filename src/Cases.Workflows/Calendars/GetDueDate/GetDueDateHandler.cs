using System.Globalization;
using Cases.Domain.Calendars;
using Cases.Workflows.Persistence;
using MediatR;

namespace Cases.Workflows.Calendars.GetDueDate;

public sealed class GetDueDateHandler(CalendarRegistry calendars, CasesDbContext database) : IRequestHandler<GetDueDateQuery, DueDateView>
{
    public async Task<DueDateView> Handle(GetDueDateQuery query, CancellationToken cancellationToken)
    {
        var region = RegionCalendars.RegionFromRoute(query.Region);
        DueStart.TryParse(query.Start, out var start);
        var period = new Period(query.Amount!.Value, PeriodUnitNames.All[query.Unit!]);
        var calendar = await calendars.CalendarOfAsync(region.Calendar, database, cancellationToken);
        var due = DeadlineArithmetic.Compute(calendar, start.Instant, period);
        return new DueDateView(
            region.Code,
            region.Calendar.ToString(),
            RegionCalendars.SharedWith(region),
            start.ToString(),
            period.Amount,
            query.Unit!,
            period.Unit == PeriodUnit.Hours
                ? due.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                : due.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            due.ExpiresAt,
            due.Explanation.Select(ExplanationStepView.From).ToList());
    }
}
