using Cases.Workflows.Cases.ListCases;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// "Our cases" (我们的案件): the enterprise's cases, newest first, each with what is expected of
/// the enterprise next and by when, or which step the centre is at.
/// </summary>
public sealed class IndexModel : PortalPageModel
{
    public const int PageSize = 10;

    public CasePage? Cases { get; private set; }

    public IReadOnlyList<(CaseSummary Case, CaseProgress Progress)> Rows { get; private set; } = [];

    public int PageCount => Cases is null ? 0 : Math.Max(1, (Cases.TotalCount + PageSize - 1) / PageSize);

    // "page" is also the route value naming a Razor page: the query's is bound explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber)
    {
        _ = Enterprise;
        var listed = await SendAsync(new ListCasesQuery(null, null, null, null, null, "-filed", pageNumber ?? 1, PageSize));
        if (!listed.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Cases = listed.Value!;
        var rows = new List<(CaseSummary, CaseProgress)>(Cases.Items.Count);
        foreach (var item in Cases.Items)
        {
            rows.Add((item, await ProgressAsync(item.Id)));
        }

        Rows = rows;
    }
}
