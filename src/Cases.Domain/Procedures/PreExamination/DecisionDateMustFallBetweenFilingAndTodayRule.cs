using System.Globalization;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.PreExamination;

/// <summary>A recorded grant or rejection date (授权日 / 驳回日) lies between the case's filing and today, so grant times can be reported.</summary>
public sealed class DecisionDateMustFallBetweenFilingAndTodayRule(DateOnly? decisionDate, DateOnly filedOn, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => decisionDate is not { } date || date < filedOn || date > today;

    public string Message => decisionDate is null
        ? "The decision date is required."
        : string.Create(CultureInfo.InvariantCulture, $"The decision date {decisionDate:yyyy-MM-dd} must lie between the filing date {filedOn:yyyy-MM-dd} and today ({today:yyyy-MM-dd}).");
}
