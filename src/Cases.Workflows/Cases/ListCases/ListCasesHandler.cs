using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.ListCases;

public sealed class ListCasesHandler(CaseAccess access) : IRequestHandler<ListCasesQuery, CasePage>
{
    public async Task<CasePage> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        // Only the cases the caller may see; another centre's queue does not exist for its staff.
        var rows = access.VisibleRows();
        if (query.Centre is { } centre)
        {
            access.EnsureCentreInScope(centre);
            // A centre's queue holds the cases it handles and those referred to it awaiting its answer.
            rows = rows.Where(row => row.HandlingCentreCode == centre.Value || row.ReferredToCentreCode == centre.Value);
        }

        if (query.Kind is not null)
        {
            rows = rows.Where(row => row.Kind == query.Kind);
        }

        if (query.State is not null)
        {
            rows = rows.Where(row => row.State == query.State);
        }

        if (query.Priority is { } priority)
        {
            rows = rows.Where(row => row.Priority == priority);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = "%" + EscapeLike(query.Text.Trim().ToLowerInvariant()) + "%";
            rows = rows.Where(row => EF.Functions.Like(row.SearchText, pattern, "\\"));
        }

        // Every order ends on the id, so pages never overlap or skip rows with equal keys.
        rows = (query.Sort ?? "triage") switch
        {
            "filed" => rows.OrderBy(row => row.FiledAt).ThenBy(row => row.Id),
            "-filed" => rows.OrderByDescending(row => row.FiledAt).ThenBy(row => row.Id),
            "updated" => rows.OrderBy(row => row.UpdatedAt).ThenBy(row => row.Id),
            "-updated" => rows.OrderByDescending(row => row.UpdatedAt).ThenBy(row => row.Id),
            "number" => rows.OrderBy(row => row.Number),
            "-number" => rows.OrderByDescending(row => row.Number),
            _ => rows.OrderByDescending(row => row.Priority).ThenBy(row => row.FiledAt).ThenBy(row => row.Id),
        };

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? ListCasesQuery.DefaultPageSize;
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(row => new CaseSummary(row.Id, row.Number, row.CentreCode, row.HandlingCentreCode, row.ReferredToCentreCode, row.Kind, row.State, row.Title, row.Priority, row.ExternalReference, row.FiledAt, row.UpdatedAt, row.Version, row.EnterpriseId))
            .ToListAsync(cancellationToken);
        return new CasePage(items, page, pageSize, total);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
