using FluentValidation;

namespace Cases.Workflows.Cases.GetStaffDashboard;

public sealed class GetStaffDashboardValidator : AbstractValidator<GetStaffDashboardQuery>
{
    public GetStaffDashboardValidator()
    {
        RuleFor(query => query.Limit).InclusiveBetween(1, GetStaffDashboardQuery.MaximumLimit);
    }
}
