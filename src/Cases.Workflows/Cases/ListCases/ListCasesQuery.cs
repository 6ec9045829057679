using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Cases.ListCases;

/// <summary>
/// The triage queue (分流队列) of the cases the caller may see: filtered by centre, kind, state, priority and free text,
/// sorted, one bounded page at a time. Every filter is optional.
/// </summary>
public sealed record ListCasesQuery(
    CentreCode? Centre,
    string? Kind,
    string? State,
    bool? Priority,
    string? Text,
    string? Sort,
    int? Page,
    int? PageSize) : IQuery<CasePage>
{
    public const int DefaultPageSize = 25;
    public const int MaximumPageSize = 100;
    public const int MaximumTextLength = 200;

    /// <summary>Keeps the row offset, page × page size, well inside a 32-bit integer.</summary>
    public const int MaximumPage = 1_000_000;

    /// <summary>Sort orders; the default puts priority cases first, then the longest waiting.</summary>
    public static IReadOnlyList<string> SortOrders { get; } = ["triage", "filed", "-filed", "updated", "-updated", "number", "-number"];
}

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int TotalCount);

public sealed record CaseSummary(
    Guid Id,
    string Number,
    string Centre,
    string HandlingCentre,
    string? ReferredTo,
    string Kind,
    string State,
    string Title,
    bool Priority,
    string? ExternalReference,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    int Version,
    Guid? Enterprise);
