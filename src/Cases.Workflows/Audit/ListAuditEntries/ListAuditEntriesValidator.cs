using FluentValidation;

namespace Cases.Workflows.Audit.ListAuditEntries;

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(query => query.Kind)
            .Must(kind => kind is null || Enum.GetNames<AuditKind>().Contains(kind, StringComparer.Ordinal))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", Enum.GetNames<AuditKind>())}.");
        RuleFor(query => query.Subject).MaximumLength(PostgresAuditTrail.MaximumFieldLength);
        RuleFor(query => query.Before).GreaterThan(0);
        RuleFor(query => query.Limit).InclusiveBetween(1, ListAuditEntriesQuery.MaximumLimit);
    }
}
