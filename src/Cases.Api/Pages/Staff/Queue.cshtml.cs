using Cases.Api.Web;
using Cases.Domain.Centres;
using Cases.Workflows.Cases.ListCases;
using Cases.Workflows.Engine.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Staff;

/// <summary>
/// The triage queue (分流队列): the cases the reader may see, filtered, sorted and paged by a GET
/// form over the API's <see cref="ListCasesQuery"/>, so every view of the queue is a link.
/// </summary>
public sealed class TriageQueueModel(WorkflowCatalog workflows) : CasesPageModel
{
    [FromQuery(Name = "centre")]
    public string? Centre { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "state")]
    public string? State { get; set; }

    /// <summary>"true", "false" or empty for either.</summary>
    [FromQuery(Name = "priority")]
    public string? Priority { get; set; }

    [FromQuery(Name = "text")]
    public string? Text { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public CasePage Results { get; private set; } = new([], 1, ListCasesQuery.DefaultPageSize, 0);

    /// <summary>Only a reader who sees several centres' cases chooses a centre; staff see their own centre's queue.</summary>
    public bool ChoosesCentre => Current.Scope.Unrestricted;

    public CaseDisplay Display => ActivatorUtilities.CreateInstance<CaseDisplay>(HttpContext.RequestServices);

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Results.TotalCount / (double)Results.PageSize));

    /// <summary>The states a case of the chosen kind can be in (any kind's, without one), each once, in workflow order.</summary>
    public IEnumerable<(string State, string Label)> StateChoices(WorkflowTerms terms)
    {
        var latest = workflows.All.GroupBy(definition => definition.Id).Select(versions => versions.MaxBy(definition => definition.Version)!);
        if (Enum.TryParse<Domain.Cases.CaseKind>(Kind, out var kind) && Enum.IsDefined(kind))
        {
            latest = [workflows.ForNewCase(kind)];
        }

        return latest
            .SelectMany(definition => definition.States.Select(state => (state.Name, Label: terms.State(definition.Pin, state.Name))))
            .DistinctBy(choice => choice.Name, StringComparer.Ordinal);
    }

    public async Task OnGetAsync()
    {
        var query = new ListCasesQuery(
            ChoosesCentre && !string.IsNullOrWhiteSpace(Centre) ? new CentreCode(Centre.Trim()) : null,
            Blank(Kind),
            Blank(State),
            Priority switch { "true" => true, "false" => false, _ => null },
            Blank(Text),
            Blank(Sort),
            PageNumber,
            null);
        var sent = await SendAsync(query);
        if (sent.Succeeded)
        {
            Results = sent.Value!;
        }
        else
        {
            Response.StatusCode = RefusalStatusCode;
        }
    }

    /// <summary>The queue's link with these filters and another page.</summary>
    public string PageLink(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["centre"] = ChoosesCentre ? Blank(Centre) : null,
            ["kind"] = Blank(Kind),
            ["state"] = Blank(State),
            ["priority"] = Blank(Priority),
            ["text"] = Blank(Text),
            ["sort"] = Blank(Sort),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/staff/cases", values.Where(pair => pair.Value is not null)!);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
